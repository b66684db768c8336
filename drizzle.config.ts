import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema only; no database is needed to generate them.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  strict: true,
  verbose: true,
});
