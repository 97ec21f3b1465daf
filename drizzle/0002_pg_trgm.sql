-- pg_trgm powers substring search over Chinese text (trigram GIN indexes in the next migration).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
