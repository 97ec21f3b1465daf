DROP INDEX "legal_articles_search_idx";--> statement-breakpoint
DROP INDEX "legal_bases_search_idx";--> statement-breakpoint
DROP INDEX "officers_search_idx";--> statement-breakpoint
DROP INDEX "powers_search_idx";--> statement-breakpoint
ALTER TABLE "legal_articles" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;--> statement-breakpoint
ALTER TABLE "legal_bases" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;--> statement-breakpoint
ALTER TABLE "officers" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;--> statement-breakpoint
ALTER TABLE "powers" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED;--> statement-breakpoint
CREATE INDEX "legal_articles_search_vector_idx" ON "legal_articles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "legal_bases_search_vector_idx" ON "legal_bases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "officers_search_vector_idx" ON "officers" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "powers_search_vector_idx" ON "powers" USING gin ("search_vector");