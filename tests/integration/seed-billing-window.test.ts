// The demo seed bills its history through the billing run, and on whatever day it runs it holds no
// bill for a period whose readings window has not closed yet (the window is the 15th–25th, Moscow).
import { afterEach, describe, expect, it } from 'vitest';
import { billingRuns, bills } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { moscowDay } from '@/lib/format/dates';
import { DEFAULT_READING_WINDOW } from '@/lib/readings/window';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';

let open: { t: TestDatabase; restore: () => void } | null = null;
afterEach(async () => {
  open?.restore();
  await open?.t.drop();
  open = null;
});

/** The Moscow day a period's window closes: `2026-11-01` → `2026-11-25`. */
const closesOn = (period: string) => `${period.slice(0, 8)}${String(DEFAULT_READING_WINDOW.toDay).padStart(2, '0')}`;

describe('the demo bill history', () => {
  it.each([
    ['the 1st, just after midnight in Moscow', '2026-11-30T21:30:00Z'],
    ['the 20th, inside the window', '2026-11-20T09:00:00Z'],
    ['the 25th, the window’s last day', '2026-11-25T20:00:00Z'],
    ['the 26th, the window just closed', '2026-11-26T06:00:00Z'],
  ])(
    'seeded on %s holds bills only for closed windows, written by the billing run',
    async (_label, at) => {
      const t = await createTestDatabase();
      open = { t, restore: useAsGlobalDb(t.handle) };
      const now = new Date(at);
      await seedDemoData(t.db, now);
      const today = moscowDay(now);

      const rows = await t.db.select().from(bills);
      expect(rows.length).toBe(9 * 12);
      for (const bill of rows) {
        expect(closesOn(bill.period) < today, `${bill.receiptNumber} on ${today}`).toBe(true);
        expect(bill.issuedAt.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(bill.billingRunId).not.toBeNull();
      }
      // Every bill belongs to a run of its period that counted it.
      const runs = await t.db.select().from(billingRuns);
      expect(runs.map((r) => r.billsCreated)).toEqual(runs.map(() => 9));
      for (const bill of rows) expect(runs.find((r) => r.id === bill.billingRunId)!.period).toBe(bill.period);
    },
    240_000,
  );
});
