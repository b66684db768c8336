// Picks the driver once per process: DATABASE_URL set → Postgres through postgres.js;
// unset → embedded Postgres (PGlite) in ./.data, so the app runs with no server installed.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** Both drivers share the Postgres query builder; code depends on this type only. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DbHandle =
  | { driver: 'postgres'; db: Db; url: string; close: () => Promise<void> }
  | { driver: 'pglite'; db: Db; dataDir: string | undefined; close: () => Promise<void> };

export function defaultDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

export function connectPostgres(url: string, options: { max?: number } = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? Number(process.env.DB_POOL_MAX ?? 10),
    onnotice: () => {},
    connect_timeout: 10,
    // Keep idle connections from piling up across restarts of the database.
    idle_timeout: 60,
  });
  const db: PostgresJsDatabase<Schema> = drizzlePostgres(client, { schema });
  return { driver: 'postgres', db: db as unknown as Db, url, close: () => client.end({ timeout: 5 }) };
}

/** `dataDir` undefined → in memory (tests). */
export function connectPglite(dataDir: string | undefined): DbHandle {
  // PGlite creates its own directory but not the parents (a fresh clone has no ./.data).
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db: PgliteDatabase<Schema> = drizzlePglite(client, { schema });
  return { driver: 'pglite', db: db as unknown as Db, dataDir, close: () => client.close() };
}

export function connectFromEnv(): DbHandle {
  const url = process.env.DATABASE_URL;
  return url ? connectPostgres(url) : connectPglite(defaultDataDir());
}

// One handle per process; kept on globalThis so dev-mode module reloads reuse it.
const holder = globalThis as unknown as { __energoDb?: DbHandle };

export function dbHandle(): DbHandle {
  holder.__energoDb ??= connectFromEnv();
  return holder.__energoDb;
}

export function db(): Db {
  return dbHandle().db;
}
