// What the billing run would bill now, for one account or a sample: the run's own statement
// (run-sql.ts) executed inside a transaction that is then rolled back, so the preview can never
// disagree with the run and nothing it computes is kept. Not meant for all 100 000 accounts.
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { billingRuns, billLines, bills, consumptionVolumes, meters } from '@/db/schema';
import type { Zone } from '@/lib/readings/consumption';
import type { VolumeMethod } from '@/lib/readings/estimates';
import { assertPeriod } from '@/lib/readings/window';
import { billChunk } from './bill-chunk';
import { billableIdsStatement, rowsOf } from './run-sql';
import type { BillLineKind } from '@/db/enums';

export interface PreviewLine {
  kind: BillLineKind;
  meterId: string | null;
  zone: Zone | null;
  method: VolumeMethod | null;
  forPeriod: string | null;
  kwh: number | null;
  tariffId: string | null;
  priceKopecks: number | null;
  amountKopecks: number;
  description: string;
}

export interface PreviewVolume {
  meterId: string;
  zone: Zone;
  kwh: number;
  method: VolumeMethod;
}

export type PreviewBill =
  { ok: true; amountKopecks: number; lines: PreviewLine[]; volumes: PreviewVolume[] } | { ok: false; problem: string };

export interface BillPreview {
  accountId: string;
  number: string;
  bill: PreviewBill;
}

/** A preview's transaction ends with this, so everything the run wrote in it is undone. */
class PreviewRollback extends Error {}

/** Accounts a preview without an explicit list looks at: the first billable ones by number. */
const PREVIEW_SAMPLE = 50;

/**
 * The bills of `period` for the given accounts (default: the first `PREVIEW_SAMPLE` accounts the run
 * would bill), by account id. Accounts the run would not bill (inactive, no meter, billed already)
 * are left out.
 */
export async function previewBills(
  period: string,
  accountIds?: readonly string[],
  options: { now?: Date; sample?: number } = {},
): Promise<Map<string, BillPreview>> {
  assertPeriod(period);
  const result = new Map<string, BillPreview>();
  if (accountIds?.length === 0) return result;
  const at = (options.now ?? new Date()).toISOString();
  try {
    await db().transaction(async (tx) => {
      const ids = rowsOf<{ id: string; number: string }>(
        await tx.execute(billableIdsStatement(period, accountIds ?? null, options.sample ?? PREVIEW_SAMPLE)),
      );
      if (ids.length === 0) throw new PreviewRollback();
      const [run] = await tx
        .insert(billingRuns)
        .values({ period, status: 'done', startedAt: new Date(at) })
        .returning({ id: billingRuns.id });
      const outcome = await billChunk(tx, {
        runId: run!.id,
        period,
        scope: { accountIds: ids.map((r) => r.id) },
        at,
        startedBy: null,
      });
      const written = await tx
        .select({ id: bills.id, accountId: bills.accountId, amountKopecks: bills.amountKopecks })
        .from(bills)
        .where(eq(bills.billingRunId, run!.id));
      const billIds = written.map((b) => b.id);
      const lineRows =
        billIds.length === 0
          ? []
          : await tx
              .select({
                billId: billLines.billId,
                kind: billLines.kind,
                meterId: billLines.meterId,
                zone: billLines.zone,
                method: billLines.method,
                forPeriod: billLines.forPeriod,
                kwh: billLines.kwh,
                tariffId: billLines.tariffId,
                priceKopecks: billLines.priceKopecks,
                amountKopecks: billLines.amountKopecks,
                description: billLines.description,
              })
              .from(billLines)
              .where(inArray(billLines.billId, billIds));
      const volumeRows = await tx
        .select({
          accountId: meters.accountId,
          meterId: consumptionVolumes.meterId,
          zone: consumptionVolumes.zone,
          kwh: consumptionVolumes.kwh,
          method: consumptionVolumes.method,
        })
        .from(consumptionVolumes)
        .innerJoin(meters, eq(meters.id, consumptionVolumes.meterId))
        .where(
          and(
            eq(consumptionVolumes.period, period),
            eq(consumptionVolumes.createdAt, new Date(at)),
            inArray(
              meters.accountId,
              ids.map((r) => r.id),
            ),
          ),
        );
      const notes = (outcome?.skippedNotes ?? '').split('; ');
      for (const { id, number } of ids) {
        const bill = written.find((b) => b.accountId === id);
        if (!bill) {
          const note = notes.find((n) => n.startsWith(`${number}: `));
          result.set(id, {
            accountId: id,
            number,
            bill: { ok: false, problem: note ? note.slice(number.length + 2) : 'не начисляется' },
          });
          continue;
        }
        result.set(id, {
          accountId: id,
          number,
          bill: {
            ok: true,
            amountKopecks: bill.amountKopecks,
            lines: lineRows.filter((l) => l.billId === bill.id).map(({ billId, ...line }) => (void billId, line)),
            volumes: volumeRows.filter((v) => v.accountId === id).map(({ accountId, ...v }) => (void accountId, v)),
          },
        });
      }
      throw new PreviewRollback();
    });
  } catch (error) {
    if (!(error instanceof PreviewRollback)) throw error;
  }
  return result;
}
