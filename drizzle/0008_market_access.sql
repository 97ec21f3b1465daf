CREATE TABLE "negative_list_editions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"document_no" text,
	"issuing_bodies" text[] DEFAULT '{}'::text[] NOT NULL,
	"released_on" date,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"counts" jsonb,
	"published_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	"note" text,
	"source_url" text
);
--> statement-breakpoint
CREATE TABLE "negative_list_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"edition_id" uuid NOT NULL,
	"category" text NOT NULL,
	"item_no" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"measures" jsonb NOT NULL,
	"industry_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
);
--> statement-breakpoint
CREATE TABLE "negative_list_measures" (
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"edition_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"starred" boolean NOT NULL,
	"region_code" text,
	"authorities" text[] NOT NULL,
	"industry_codes" text[] NOT NULL,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
	CONSTRAINT "negative_list_measures_item_id_position_pk" PRIMARY KEY("item_id","position")
);
--> statement-breakpoint
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
ALTER TABLE "negative_list_items" ADD CONSTRAINT "negative_list_items_edition_id_negative_list_editions_id_fk" FOREIGN KEY ("edition_id") REFERENCES "public"."negative_list_editions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "negative_list_measures" ADD CONSTRAINT "negative_list_measures_item_id_negative_list_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."negative_list_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "negative_list_editions_code_key" ON "negative_list_editions" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "negative_list_editions_one_current_key" ON "negative_list_editions" USING btree ("status") WHERE status = 'current';--> statement-breakpoint
CREATE INDEX "negative_list_editions_effective_idx" ON "negative_list_editions" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "negative_list_items_edition_code_key" ON "negative_list_items" USING btree ("edition_id","code") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "negative_list_items_edition_item_no_key" ON "negative_list_items" USING btree ("edition_id","category","item_no") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "negative_list_items_code_idx" ON "negative_list_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "negative_list_items_search_vector_idx" ON "negative_list_items" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "negative_list_measures_edition_idx" ON "negative_list_measures" USING btree ("edition_id","item_code","position");--> statement-breakpoint
CREATE INDEX "negative_list_measures_search_vector_idx" ON "negative_list_measures" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "negative_list_measures_text_trgm_idx" ON "negative_list_measures" USING gin ("text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "negative_list_measures_authorities_idx" ON "negative_list_measures" USING gin ("authorities");--> statement-breakpoint
CREATE INDEX "negative_list_measures_industry_idx" ON "negative_list_measures" USING gin ("industry_codes");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_items_agency_code_key" ON "approval_items" USING btree ("agency_id","code") WHERE status = 'active' AND code IS NOT NULL;--> statement-breakpoint
CREATE INDEX "approval_items_agency_id_idx" ON "approval_items" USING btree ("agency_id","id");--> statement-breakpoint
CREATE INDEX "approval_items_negative_list_idx" ON "approval_items" USING gin ("negative_list_measures" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "approval_items_search_vector_idx" ON "approval_items" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "licences_approval_item_idx" ON "licences" USING btree ("approval_item_id","id");