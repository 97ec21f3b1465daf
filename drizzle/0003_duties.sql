CREATE TABLE "citations" (
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"legal_basis_id" uuid NOT NULL,
	"article_no" text NOT NULL,
	CONSTRAINT "citations_record_type_record_id_legal_basis_id_article_no_pk" PRIMARY KEY("record_type","record_id","legal_basis_id","article_no")
);
--> statement-breakpoint
CREATE TABLE "discretion_benchmarks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"power_id" uuid NOT NULL,
	"violation" text NOT NULL,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tiers" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_articles" (
	"legal_basis_id" uuid NOT NULL,
	"no" text NOT NULL,
	"ordinal" integer NOT NULL,
	"label" text NOT NULL,
	"chapter" text,
	"text" text NOT NULL,
	"paragraphs" jsonb,
	"search_text" text NOT NULL,
	CONSTRAINT "legal_articles_legal_basis_id_no_pk" PRIMARY KEY("legal_basis_id","no")
);
--> statement-breakpoint
CREATE TABLE "legal_bases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"issuer" text NOT NULL,
	"doc_number" text,
	"promulgated_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"repealed_on" date,
	"amends_id" uuid,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"source_url" text,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"certificate_no" text NOT NULL,
	"domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"area" text,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "powers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"sub_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"citations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"responsibilities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"accountability" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_transfer" boolean DEFAULT false NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"agency_id" uuid NOT NULL,
	"power_type" text NOT NULL,
	"service_guide" text NOT NULL,
	"steps" jsonb NOT NULL,
	"reconsideration" jsonb NOT NULL,
	"litigation" jsonb NOT NULL,
	"complaint" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citations" ADD CONSTRAINT "citations_legal_basis_id_legal_bases_id_fk" FOREIGN KEY ("legal_basis_id") REFERENCES "public"."legal_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discretion_benchmarks" ADD CONSTRAINT "discretion_benchmarks_power_id_powers_id_fk" FOREIGN KEY ("power_id") REFERENCES "public"."powers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_articles" ADD CONSTRAINT "legal_articles_legal_basis_id_legal_bases_id_fk" FOREIGN KEY ("legal_basis_id") REFERENCES "public"."legal_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_bases" ADD CONSTRAINT "legal_bases_amends_id_legal_bases_id_fk" FOREIGN KEY ("amends_id") REFERENCES "public"."legal_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citations_basis_idx" ON "citations" USING btree ("legal_basis_id");--> statement-breakpoint
CREATE INDEX "discretion_benchmarks_power_id_idx" ON "discretion_benchmarks" USING btree ("power_id");--> statement-breakpoint
CREATE INDEX "legal_articles_search_idx" ON "legal_articles" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "legal_articles_text_trgm_idx" ON "legal_articles" USING gin ("text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "legal_bases_amends_id_idx" ON "legal_bases" USING btree ("amends_id");--> statement-breakpoint
CREATE INDEX "legal_bases_agency_id_idx" ON "legal_bases" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "legal_bases_search_idx" ON "legal_bases" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "legal_bases_title_trgm_idx" ON "legal_bases" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "officers_valid_certificate_key" ON "officers" USING btree ("certificate_no") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "officers_agency_id_idx" ON "officers" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "officers_search_idx" ON "officers" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "officers_name_trgm_idx" ON "officers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "powers_agency_code_key" ON "powers" USING btree ("agency_id","code");--> statement-breakpoint
CREATE INDEX "powers_type_idx" ON "powers" USING btree ("type");--> statement-breakpoint
CREATE INDEX "powers_search_idx" ON "powers" USING gin (to_tsvector('simple', "search_text"));--> statement-breakpoint
CREATE INDEX "powers_name_trgm_idx" ON "powers" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_agency_type_key" ON "procedures" USING btree ("agency_id","power_type");