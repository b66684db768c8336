// «Информация для юридических лиц» inside the cabinet: the documents published for companies, the
// tariffs the company's own metering points are billed by (price with VAT and without), the outages
// at the company's addresses, and the reading window with its rules.
import 'server-only';
import { and, inArray, ne, asc } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, meters, type Document, type Outage } from '@/db/schema';
import { accessibleAccountIds } from '@/lib/auth/session';
import { companyVatRatePercent } from '@/lib/config/company';
import { listDocuments } from '@/lib/content/documents';
import { outagesAtAddress } from '@/lib/content/outages-admin';
import { listTariffPeriods, periodInForce } from '@/lib/content/tariffs';
import { moscowDay } from '@/lib/format/dates';
import { currentReadingWindow } from '@/lib/readings/settings';
import type { ReadingWindowStatus } from '@/lib/readings/window';
import type { TariffCategory, TariffZone, ZonePlan } from '@/lib/tariffs/zones';
import type { CompanyMember } from './access';
import { type VatSplit, vatInside } from './vat';

export interface CompanyTariffLine {
  category: TariffCategory;
  zonePlan: ZonePlan;
  zone: TariffZone;
  rangeFromKwh: number;
  rangeToKwh: number | null;
  /** The points (account numbers) billed by this line. */
  accountNumbers: string[];
  price: VatSplit;
}

export interface OutageAtAddress {
  outage: Outage;
  accountNumbers: string[];
}

export interface CompanyInfo {
  documents: Document[];
  tariffs: { effectiveFrom: string; decree: string | null; vatRatePercent: number; lines: CompanyTariffLine[] } | null;
  outages: OutageAtAddress[];
  readingWindow: ReadingWindowStatus;
}

async function companyPoints(ids: string[]) {
  if (ids.length === 0) return [];
  return db()
    .select({
      id: accounts.id,
      number: accounts.number,
      settlement: accounts.settlement,
      street: accounts.street,
      house: accounts.house,
      category: accounts.tariffCategory,
    })
    .from(accounts)
    .where(inArray(accounts.id, ids))
    .orderBy(asc(accounts.number));
}

/** Outages going on or still to come at any of the company's points (the one address matcher of the outages). */
async function outagesAtPoints(points: Awaited<ReturnType<typeof companyPoints>>, now: Date) {
  const found = new Map<string, OutageAtAddress>();
  for (const point of points) {
    for (const outage of await outagesAtAddress(point, now)) {
      const entry = found.get(outage.id) ?? { outage, accountNumbers: [] };
      entry.accountNumbers.push(point.number);
      found.set(outage.id, entry);
    }
  }
  return [...found.values()].sort((x, y) => x.outage.startsAt.getTime() - y.outage.startsAt.getTime());
}

export async function companyInfo(member: CompanyMember, now = new Date()): Promise<CompanyInfo> {
  const ids = await accessibleAccountIds(member.user);
  const points = await companyPoints(ids);
  const [documents, periods, readingWindow, outagesFound, plans] = await Promise.all([
    listDocuments('companies'),
    listTariffPeriods(),
    currentReadingWindow(now),
    outagesAtPoints(points, now),
    ids.length
      ? db()
          .selectDistinct({ accountId: meters.accountId, zonePlan: meters.zonePlan })
          .from(meters)
          .where(and(inArray(meters.accountId, ids), ne(meters.status, 'removed'), ne(meters.status, 'rejected')))
      : Promise.resolve([]),
  ]);
  const current = periodInForce(periods, moscowDay(now));
  const vatRatePercent = companyVatRatePercent();
  let tariffs: CompanyInfo['tariffs'] = null;
  if (current) {
    const lines = new Map<string, CompanyTariffLine>();
    for (const rate of current.rates) {
      const billed = points.filter(
        (p) => p.category === rate.category && plans.some((m) => m.accountId === p.id && m.zonePlan === rate.zonePlan),
      );
      if (billed.length === 0) continue;
      const key = `${rate.category}|${rate.zonePlan}|${rate.zone}|${rate.rangeFromKwh}`;
      lines.set(key, {
        category: rate.category,
        zonePlan: rate.zonePlan as ZonePlan,
        zone: rate.zone,
        rangeFromKwh: rate.rangeFromKwh,
        rangeToKwh: rate.rangeToKwh,
        accountNumbers: billed.map((p) => p.number),
        price: vatInside(rate.priceKopecks, vatRatePercent),
      });
    }
    tariffs = {
      effectiveFrom: current.effectiveFrom,
      decree: current.decree,
      vatRatePercent,
      lines: [...lines.values()],
    };
  }
  return { documents, tariffs, outages: outagesFound, readingWindow };
}
