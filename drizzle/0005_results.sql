CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"lead_agency_id" uuid NOT NULL,
	"participating_agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"agency_name" text NOT NULL,
	"agency_credit_code" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"data_source" text NOT NULL,
	"data_source_credit_code" char(18) NOT NULL,
	"decision_date" date NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"joint" jsonb,
	"joint_reference" text,
	"campaign_id" uuid,
	"citations" jsonb NOT NULL,
	"remarks" text,
	"due_date" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"claimed_published_at" timestamp with time zone,
	"working_days_late" integer NOT NULL,
	"late" boolean NOT NULL,
	"calendar_provisional" boolean NOT NULL,
	"withdrawal" jsonb,
	"ended_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
	"action_type" text NOT NULL,
	"target" jsonb NOT NULL,
	"target_name" text GENERATED ALWAYS AS (target->>'name') STORED,
	"target_credit_code" text GENERATED ALWAYS AS (target->>'creditCode') STORED,
	"document_number" text,
	"conclusion" text NOT NULL,
	"facts" text
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"agency_name" text NOT NULL,
	"agency_credit_code" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"data_source" text NOT NULL,
	"data_source_credit_code" char(18) NOT NULL,
	"decision_date" date NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"joint" jsonb,
	"joint_reference" text,
	"campaign_id" uuid,
	"citations" jsonb NOT NULL,
	"remarks" text,
	"due_date" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"claimed_published_at" timestamp with time zone,
	"working_days_late" integer NOT NULL,
	"late" boolean NOT NULL,
	"calendar_provisional" boolean NOT NULL,
	"withdrawal" jsonb,
	"ended_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
	"party" jsonb NOT NULL,
	"party_name" text GENERATED ALWAYS AS (party->>'name') STORED,
	"party_credit_code" text GENERATED ALWAYS AS (party->>'creditCode') STORED,
	"document_title" text NOT NULL,
	"decision_number" text NOT NULL,
	"category" text NOT NULL,
	"category_detail" text,
	"certificate_name" text,
	"licence_number" text,
	"content" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"state" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "penalties" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"agency_name" text NOT NULL,
	"agency_credit_code" char(18) NOT NULL,
	"region_code" char(6) NOT NULL,
	"data_source" text NOT NULL,
	"data_source_credit_code" char(18) NOT NULL,
	"decision_date" date NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"joint" jsonb,
	"joint_reference" text,
	"campaign_id" uuid,
	"citations" jsonb NOT NULL,
	"remarks" text,
	"due_date" date NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"claimed_published_at" timestamp with time zone,
	"working_days_late" integer NOT NULL,
	"late" boolean NOT NULL,
	"calendar_provisional" boolean NOT NULL,
	"withdrawal" jsonb,
	"ended_at" timestamp with time zone,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
	"party" jsonb NOT NULL,
	"party_name" text GENERATED ALWAYS AS (party->>'name') STORED,
	"party_credit_code" text GENERATED ALWAYS AS (party->>'creditCode') STORED,
	"decision_number" text NOT NULL,
	"violation_type" text NOT NULL,
	"facts" text NOT NULL,
	"basis" text NOT NULL,
	"penalty_types" text[] NOT NULL,
	"content" text NOT NULL,
	"fine_fen" bigint,
	"confiscation_fen" bigint,
	"licence_revoked" text,
	"valid_until" date NOT NULL,
	"publicity_end_date" date NOT NULL,
	"publicity" jsonb NOT NULL,
	"repair" jsonb
);
--> statement-breakpoint
ALTER TABLE "revisions" ADD COLUMN "redacted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "campaigns_lead_agency_id_idx" ON "campaigns" USING btree ("lead_agency_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_actions_agency_document_number_key" ON "enforcement_actions" USING btree ("agency_id","document_number");--> statement-breakpoint
CREATE INDEX "enforcement_actions_agency_id_idx" ON "enforcement_actions" USING btree ("agency_id","id");--> statement-breakpoint
CREATE INDEX "enforcement_actions_decision_date_idx" ON "enforcement_actions" USING btree ("decision_date","id");--> statement-breakpoint
CREATE INDEX "enforcement_actions_target_credit_code_idx" ON "enforcement_actions" USING btree ("target_credit_code");--> statement-breakpoint
CREATE INDEX "enforcement_actions_tags_idx" ON "enforcement_actions" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "enforcement_actions_search_vector_idx" ON "enforcement_actions" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_agency_decision_number_key" ON "licences" USING btree ("agency_id","decision_number");--> statement-breakpoint
CREATE INDEX "licences_agency_id_idx" ON "licences" USING btree ("agency_id","id");--> statement-breakpoint
CREATE INDEX "licences_region_code_idx" ON "licences" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "licences_decision_date_idx" ON "licences" USING btree ("decision_date","id");--> statement-breakpoint
CREATE INDEX "licences_party_credit_code_idx" ON "licences" USING btree ("party_credit_code");--> statement-breakpoint
CREATE INDEX "licences_tags_idx" ON "licences" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "licences_search_vector_idx" ON "licences" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "penalties_agency_decision_number_key" ON "penalties" USING btree ("agency_id","decision_number");--> statement-breakpoint
CREATE INDEX "penalties_agency_id_idx" ON "penalties" USING btree ("agency_id","id");--> statement-breakpoint
CREATE INDEX "penalties_region_code_idx" ON "penalties" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "penalties_decision_date_idx" ON "penalties" USING btree ("decision_date","id");--> statement-breakpoint
CREATE INDEX "penalties_party_credit_code_idx" ON "penalties" USING btree ("party_credit_code");--> statement-breakpoint
CREATE INDEX "penalties_decision_number_idx" ON "penalties" USING btree ("decision_number");--> statement-breakpoint
CREATE INDEX "penalties_status_end_idx" ON "penalties" USING btree ("status","publicity_end_date");--> statement-breakpoint
CREATE INDEX "penalties_tags_idx" ON "penalties" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "penalties_types_idx" ON "penalties" USING gin ("penalty_types");--> statement-breakpoint
CREATE INDEX "penalties_search_vector_idx" ON "penalties" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "penalties_party_name_trgm_idx" ON "penalties" USING gin ("party_name" gin_trgm_ops);