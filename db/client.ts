// Picks the driver once per process: DATABASE_URL set → Postgres through node-postgres (pg);
// unset → embedded Postgres (PGlite) in ./.data, so the app runs with no server installed.
// node-postgres rather than postgres.js: its pool drops a client whose connection broke and opens a
// fresh one for the next query, so the app recovers by itself when Postgres restarts or kills its
// connections (postgres.js 3.4 kept dead connections answering CONNECT_TIMEOUT for tens of seconds
// and threw uncaught errors: porsager/postgres#1193, #1199; see tests/faults).
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '../lib/config/env';
import { remember } from './remember';
import * as schema from './schema';
import { describeError, log } from '@/lib/log';

export type Schema = typeof schema;
/** Both drivers share the Postgres query builder; code depends on this type only. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DbHandle =
  | { driver: 'postgres'; db: Db; url: string; close: () => Promise<void> }
  | { driver: 'pglite'; db: Db; client: PGlite; dataDir: string | undefined; close: () => Promise<void> };

function defaultDataDir(): string {
  return env().PGLITE_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

export function connectPostgres(url: string, options: { max?: number } = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? env().DB_POOL_MAX,
    // While Postgres is away a request fails within seconds instead of waiting for a connection.
    connectionTimeoutMillis: 5_000,
    // Keep idle connections from piling up across restarts of the database.
    idleTimeoutMillis: 60_000,
  });
  // An idle connection that the server closed (restart, pg_terminate_backend) is reported here and
  // already removed from the pool; without a listener Node would crash the process on it.
  pool.on('error', (error) => {
    log.warn({ error: describeError(error) }, 'db.idle_connection_lost');
  });
  // pool.end() resolves before the sockets are closed; close() waits for every client's 'remove',
  // so a caller that drops the database next does not kill connections that are still closing.
  let open = 0;
  let closed: (() => void) | undefined;
  pool.on('connect', () => void open++);
  pool.on('remove', () => {
    if (--open === 0) closed?.();
  });
  const close = async () => {
    const allRemoved = open === 0 ? Promise.resolve() : new Promise<void>((resolve) => (closed = resolve));
    await pool.end();
    await allRemoved;
  };
  const db: NodePgDatabase<Schema> = drizzleNodePg(pool, { schema });
  return { driver: 'postgres', db: db as unknown as Db, url, close };
}

/** `dataDir` undefined → in memory (tests). */
export function connectPglite(dataDir: string | undefined): DbHandle {
  // PGlite creates its own directory but not the parents (a fresh clone has no ./.data).
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  // btree_gist: the tariffs' no-overlap exclusion constraint mixes equality and range columns;
  // pg_trgm: the staff accounts search («contains» over indexed text).
  const client = new PGlite({ dataDir, extensions: { btree_gist, pg_trgm } });
  const db: PgliteDatabase<Schema> = drizzlePglite(client, { schema });
  return { driver: 'pglite', db: db as unknown as Db, client, dataDir, close: () => client.close() };
}

export function connectFromEnv(): DbHandle {
  const url = env().DATABASE_URL;
  return url ? connectPostgres(url) : connectPglite(defaultDataDir());
}

export function dbHandle(): DbHandle {
  return remember('__energoDb', connectFromEnv);
}

export function db(): Db {
  return dbHandle().db;
}
