CREATE TABLE "draw_contributions" (
	"draw_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"value" text NOT NULL,
	"by" text NOT NULL,
	"agency_id" uuid,
	"key_id" uuid,
	"client_hash" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "draw_contributions_draw_id_seq_pk" PRIMARY KEY("draw_id","seq")
);
--> statement-breakpoint
CREATE TABLE "draw_pool_conflicts" (
	"draw_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	CONSTRAINT "draw_pool_conflicts_draw_id_inspector_id_entity_id_pk" PRIMARY KEY("draw_id","inspector_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "draw_pool_entities" (
	"draw_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"stratum" text NOT NULL,
	CONSTRAINT "draw_pool_entities_draw_id_entity_id_pk" PRIMARY KEY("draw_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "draw_pool_inspectors" (
	"draw_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	CONSTRAINT "draw_pool_inspectors_draw_id_inspector_id_pk" PRIMARY KEY("draw_id","inspector_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_conflicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"declared_by" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "inspection_draws" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"task_id" uuid NOT NULL,
	"attempt" smallint NOT NULL,
	"agency_id" uuid NOT NULL,
	"algorithm" text NOT NULL,
	"task_version" integer NOT NULL,
	"parameters" jsonb NOT NULL,
	"entity_count" integer NOT NULL,
	"entity_hash" text NOT NULL,
	"inspector_count" integer NOT NULL,
	"inspector_hash" text NOT NULL,
	"conflict_count" integer NOT NULL,
	"conflict_hash" text NOT NULL,
	"commitment" text NOT NULL,
	"contributions_close_at" timestamp with time zone NOT NULL,
	"secret" text,
	"seed" text,
	"revealed_at" timestamp with time zone,
	"result" jsonb,
	"void_reason" text,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inspection_entities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"registration_no" text,
	"object_type" text NOT NULL,
	"entity_kind" text,
	"region_code" text NOT NULL,
	"industry_code" text,
	"address" text,
	"risk_class" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
);
--> statement-breakpoint
CREATE TABLE "inspection_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sub_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"basis_text" text,
	"object_type" text NOT NULL,
	"content" text NOT NULL,
	"methods" text[] NOT NULL,
	"category" text NOT NULL,
	"ratio_basis_points" integer,
	"frequency" text,
	"cooperating_agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"filed_with_agency_id" uuid,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "inspection_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"task_id" uuid NOT NULL,
	"draw_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"result_code" text NOT NULL,
	"findings" text,
	"follow_up" jsonb,
	"inspected_on" date NOT NULL,
	"inspector_ids" uuid[] NOT NULL,
	"due_on" date NOT NULL,
	"first_published_at" timestamp with time zone NOT NULL,
	"late" boolean NOT NULL,
	"working_days_late" integer NOT NULL,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
);
--> statement-breakpoint
CREATE TABLE "inspection_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"title" text NOT NULL,
	"doc_number" text,
	"effective_on" date NOT NULL,
	"text" text NOT NULL,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
);
--> statement-breakpoint
CREATE TABLE "inspection_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"plan_id" uuid,
	"name" text NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"cooperating_agency_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"selection" jsonb NOT NULL,
	"sample" jsonb NOT NULL,
	"inspectors_per_entity" smallint NOT NULL,
	"inspector_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"description" text,
	"search_text" text NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"domains" text[] NOT NULL,
	"available" boolean NOT NULL,
	"unavailable_until" date
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_conflicts_pair_key" ON "inspection_conflicts" USING btree ("inspector_id","entity_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "inspection_conflicts_entity_idx" ON "inspection_conflicts" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_draws_task_attempt_key" ON "inspection_draws" USING btree ("task_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_draws_live_key" ON "inspection_draws" USING btree ("task_id") WHERE status <> 'voided';--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_entities_agency_credit_code_key" ON "inspection_entities" USING btree ("agency_id","credit_code") WHERE status = 'active' AND credit_code IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_entities_agency_registration_no_key" ON "inspection_entities" USING btree ("agency_id","registration_no") WHERE status = 'active' AND registration_no IS NOT NULL;--> statement-breakpoint
CREATE INDEX "inspection_entities_pool_idx" ON "inspection_entities" USING btree ("agency_id","status","id");--> statement-breakpoint
CREATE INDEX "inspection_entities_search_vector_idx" ON "inspection_entities" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "inspection_entities_name_trgm_idx" ON "inspection_entities" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_items_agency_code_key" ON "inspection_items" USING btree ("agency_id","code");--> statement-breakpoint
CREATE INDEX "inspection_items_cooperating_idx" ON "inspection_items" USING gin ("cooperating_agency_ids");--> statement-breakpoint
CREATE INDEX "inspection_items_search_vector_idx" ON "inspection_items" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plans_agency_year_key" ON "inspection_plans" USING btree ("agency_id","year") WHERE status = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_results_entity_agency_key" ON "inspection_results" USING btree ("draw_id","entity_id","agency_id");--> statement-breakpoint
CREATE INDEX "inspection_results_task_idx" ON "inspection_results" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "inspection_results_agency_idx" ON "inspection_results" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "inspection_results_search_vector_idx" ON "inspection_results" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "inspection_rules_agency_id_idx" ON "inspection_rules" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "inspection_rules_search_vector_idx" ON "inspection_rules" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "inspection_tasks_agency_id_idx" ON "inspection_tasks" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "inspection_tasks_cooperating_idx" ON "inspection_tasks" USING gin ("cooperating_agency_ids");--> statement-breakpoint
CREATE INDEX "inspection_tasks_items_idx" ON "inspection_tasks" USING gin ("item_ids");--> statement-breakpoint
CREATE INDEX "inspection_tasks_plan_id_idx" ON "inspection_tasks" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_tasks_search_vector_idx" ON "inspection_tasks" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "inspectors_officer_key" ON "inspectors" USING btree ("officer_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "inspectors_agency_id_idx" ON "inspectors" USING btree ("agency_id");