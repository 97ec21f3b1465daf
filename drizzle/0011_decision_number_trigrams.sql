CREATE INDEX "enforcement_actions_document_number_trgm_idx" ON "enforcement_actions" USING gin ("document_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "licences_decision_number_trgm_idx" ON "licences" USING gin ("decision_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "penalties_decision_number_trgm_idx" ON "penalties" USING gin ("decision_number" gin_trgm_ops);