CREATE TABLE "export_runs" (
	"resource" text NOT NULL,
	"format" text NOT NULL,
	"position" bigint NOT NULL,
	"records" integer NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "export_runs_resource_format_pk" PRIMARY KEY("resource","format")
);
--> statement-breakpoint
CREATE INDEX "changes_record_type_record_id_version_idx" ON "changes" USING btree ("record_type","record_id","version" DESC NULLS LAST);