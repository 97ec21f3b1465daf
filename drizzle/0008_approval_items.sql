CREATE TABLE "approval_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"category_detail" text,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"basis_text" text,
	"conditions" text NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"statutory_days" integer NOT NULL,
	"promised_days" integer,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"channels" text[] NOT NULL,
	"online_url" text,
	"negative_list_measures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
);
--> statement-breakpoint
ALTER TABLE "licences" ADD COLUMN "approval_item_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_items_agency_code_key" ON "approval_items" USING btree ("agency_id","code") WHERE status = 'active' AND code IS NOT NULL;--> statement-breakpoint
CREATE INDEX "approval_items_agency_id_idx" ON "approval_items" USING btree ("agency_id","id");--> statement-breakpoint
CREATE INDEX "approval_items_negative_list_idx" ON "approval_items" USING gin ("negative_list_measures" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "approval_items_search_vector_idx" ON "approval_items" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "licences_approval_item_idx" ON "licences" USING btree ("approval_item_id","id");