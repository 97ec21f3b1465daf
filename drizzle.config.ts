import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts and committed; never edit drizzle/*.sql by hand.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://localhost/gongshi' },
});
