import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { connectPglite, connectPostgres, type Db, type DbHandle } from '@/db/client';
import { afterAll, beforeAll } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';
import { pgError } from '@/lib/db-errors';

export interface TestDatabase {
  handle: DbHandle;
  db: Db;
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated database per test file: a new Postgres database when DATABASE_URL is set
 * (created and dropped here), otherwise an in-memory embedded one.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = connectPglite(undefined);
    await migrateDatabase(handle);
    return { handle, db: handle.db, drop: () => handle.close() };
  }
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = connectPostgres(target.toString(), { max: 4 });
  await migrateDatabase(handle);
  return {
    handle,
    db: handle.db,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Points the app's global `db()` (db/client.ts) at a test database. */
export function useAsGlobalDb(handle: DbHandle): () => void {
  const holder = globalThis as unknown as { __energoDb?: DbHandle };
  const previous = holder.__energoDb;
  holder.__energoDb = handle;
  return () => {
    holder.__energoDb = previous;
  };
}

/** The Postgres error behind a driver/drizzle error: SQLSTATE and constraint name on both drivers. */
export function dbErrorOf(error: unknown): { code?: string; constraint?: string } {
  return pgError(error) ?? {};
}

/**
 * This file's database: created before its tests, made the app's global `db()`, dropped after
 * them; with `seedDemoAt`, filled with the demo data as of that instant. `t.db` and `t.handle` are
 * usable from the first beforeAll/test on.
 */
export function useTestDatabase(options: { seedDemoAt?: Date } = {}): TestDatabase {
  let current: TestDatabase | undefined;
  let restore: (() => void) | undefined;
  beforeAll(async () => {
    current = await createTestDatabase();
    restore = useAsGlobalDb(current.handle);
    if (options.seedDemoAt) await seedDemoData(current.db, options.seedDemoAt);
  });
  afterAll(async () => {
    restore?.();
    await current?.drop();
  });
  const ready = () => {
    if (!current) throw new Error('the test database is created in beforeAll; use it inside a hook or a test');
    return current;
  };
  return {
    get handle() {
      return ready().handle;
    },
    get db() {
      return ready().db;
    },
    drop: () => ready().drop(),
  };
}
