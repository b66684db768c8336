import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { connectPglite } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { accounts } from '@/db/schema';
import { seedDemoData } from '@/db/seed';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ek-fresh-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// What `npm run demo` does on a fresh clone: ./.data does not exist yet.
it('opens, migrates and seeds an embedded database whose parent directories do not exist', async () => {
  const dataDir = path.join(root, '.data', 'pglite');
  const first = connectPglite(dataDir);
  await migrateDatabase(first);
  expect((await seedDemoData(first.db)).alreadySeeded).toBe(false);
  await first.close();

  // A restart finds the same data and writes nothing.
  const second = connectPglite(dataDir);
  await migrateDatabase(second);
  expect((await seedDemoData(second.db)).alreadySeeded).toBe(true);
  const [row] = await second.db.select({ n: count() }).from(accounts);
  expect(row!.n).toBe(9);
  await second.close();
  // Two migrations of a fresh PGlite and a seed that bills a year through the run, on a shared machine.
}, 180_000);
