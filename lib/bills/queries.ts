// Bills in the cabinet: the list with paid/unpaid status from the ledger,
// and one bill with its lines, its account and the utility's bank details for the receipt and the QR.
// Every read is scoped by the session's own accounts: another user's bill is simply not found.
import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, billLines, bills, meters } from '@/db/schema';
import { formatAccountAddress } from '@/lib/accounts/list';
import { accessibleAccountIds, canAccessAccount, type SessionUser } from '@/lib/auth/session';
import { getUtilityProfile } from '@/lib/content/utility';
import { formatPeriod } from '@/lib/format/dates';
import { compareZones } from '@/lib/readings/consumption';
import type { TariffZone } from '@/lib/tariffs/zones';
import { billPaymentPayload } from './qr-payload';
import { type BillSummary, billsWithStanding } from './standing';
export type { BillSummary };
import { describeError, log } from '@/lib/log';
import { isUuid } from '@/lib/validation/ids';
import type { AccountKind, VolumeMethod } from '@/db/enums';

import type { BillLineKind } from '@/db/enums';
export type { BillLineKind };
export type BillLineMethod = VolumeMethod;

export interface BillLineView {
  id: string;
  kind: BillLineKind;
  zone: TariffZone | null;
  method: BillLineMethod | null;
  /** The period the line is for: a recalculation names the month it corrects. */
  forPeriod: string | null;
  kwh: number | null;
  priceKopecks: number | null;
  amountKopecks: number;
  description: string;
}

export interface BillLineGroup {
  /** Null for lines not tied to a meter (penalties, adjustments). */
  meter: { id: string; serialNumber: string; model: string | null; zonePlan: number } | null;
  /** By zone in register order (T1 first, night last), then consumption before recalculation, oldest period first. */
  lines: BillLineView[];
  kwh: number;
  amountKopecks: number;
}

export interface BillAccount {
  id: string;
  number: string;
  kind: AccountKind;
  holderName: string;
  address: string;
  postcode: string | null;
  /** The phone printed on the receipt (SMS payment). */
  phone: string | null;
  contractNumber: string;
  /** ГИС ЖКХ: ЕЛС and ИЖКУ, when ГИС ЖКХ has assigned them. */
  els: string | null;
  izhku: string | null;
}

/** The payee of the receipt: what a person types into the bank's transfer form. */
export interface UtilityRequisites {
  fullName: string;
  shortName: string;
  inn: string;
  kpp: string;
  legalAddress: string;
  bankName: string;
  bic: string;
  correspondentAccount: string;
  settlementAccount: string;
  mainPhone: string;
  email: string;
  website: string | null;
}

export interface BillDetail {
  bill: BillSummary;
  account: BillAccount;
  utility: UtilityRequisites;
  groups: BillLineGroup[];
  /** Sum of the lines (equals the bill's amount for a bill the run wrote). */
  linesTotalKopecks: number;
  /** The account's balance now: positive is owed, negative an advance. */
  balanceKopecks: number;
  /** The ГОСТ Р 56042-2014 payment string; null if the utility's details do not make a valid one. */
  qrPayload: string | null;
}

/**
 * The user's bills, newest first (then by account number), with paid/unpaid status from the ledger
 * (the rule: lib/bills/status.ts). Only accounts the session may see.
 */
export async function listBills(user: SessionUser, now: Date = new Date()): Promise<BillSummary[]> {
  return (await billsWithStanding(await accessibleAccountIds(user), now)).bills;
}

const kindOrder: Record<BillLineKind, number> = { consumption: 0, recalculation: 1, adjustment: 2, penalty: 3 };

function compareLines(a: BillLineView, b: BillLineView): number {
  if (a.zone && b.zone && a.zone !== b.zone) return compareZones(a.zone, b.zone);
  if (!a.zone !== !b.zone) return a.zone ? -1 : 1;
  return (
    kindOrder[a.kind] - kindOrder[b.kind] ||
    (a.forPeriod ?? '').localeCompare(b.forPeriod ?? '') ||
    (a.priceKopecks ?? 0) - (b.priceKopecks ?? 0) ||
    a.id.localeCompare(b.id)
  );
}

/**
 * One bill of the user's, with its lines grouped by meter, its account and the payee's details; null
 * when the id is malformed, the bill does not exist or belongs to an account the session may not see
 * (the same answer for all three, so nobody learns which bills exist).
 */
export async function billDetail(
  user: SessionUser,
  billId: string,
  now: Date = new Date(),
): Promise<BillDetail | null> {
  if (!isUuid(billId)) return null;
  const [head] = await db().select({ accountId: bills.accountId }).from(bills).where(eq(bills.id, billId));
  if (!head || !(await canAccessAccount(user, head.accountId))) return null;

  const [[account], lineRows, standing, profile] = await Promise.all([
    db().select().from(accounts).where(eq(accounts.id, head.accountId)),
    db()
      .select({
        id: billLines.id,
        kind: billLines.kind,
        meterId: billLines.meterId,
        zone: billLines.zone,
        method: billLines.method,
        forPeriod: billLines.forPeriod,
        kwh: billLines.kwh,
        priceKopecks: billLines.priceKopecks,
        amountKopecks: billLines.amountKopecks,
        description: billLines.description,
        serialNumber: meters.serialNumber,
        model: meters.model,
        zonePlan: meters.zonePlan,
      })
      .from(billLines)
      .leftJoin(meters, eq(meters.id, billLines.meterId))
      .where(eq(billLines.billId, billId)),
    billsWithStanding([head.accountId], now),
    getUtilityProfile(),
  ]);
  const bill = standing.bills.find((b) => b.id === billId);
  if (!account || !bill) return null;

  const groups = new Map<string, BillLineGroup>();
  for (const row of lineRows) {
    const key = row.meterId ?? '';
    let group = groups.get(key);
    if (!group) {
      group = {
        meter: row.meterId
          ? { id: row.meterId, serialNumber: row.serialNumber!, model: row.model, zonePlan: row.zonePlan! }
          : null,
        lines: [],
        kwh: 0,
        amountKopecks: 0,
      };
      groups.set(key, group);
    }
    group.lines.push({
      id: row.id,
      kind: row.kind,
      zone: row.zone,
      method: row.method,
      forPeriod: row.forPeriod,
      kwh: row.kwh,
      priceKopecks: row.priceKopecks,
      amountKopecks: row.amountKopecks,
      description: row.description,
    });
    group.kwh += row.kwh ?? 0;
    group.amountKopecks += row.amountKopecks;
  }
  const sortedGroups = [...groups.values()]
    .map((g) => ({ ...g, lines: g.lines.sort(compareLines) }))
    // Meters by serial number; lines without a meter last.
    .sort((a, b) =>
      a.meter && b.meter ? a.meter.serialNumber.localeCompare(b.meter.serialNumber) : a.meter ? -1 : b.meter ? 1 : 0,
    );

  const billAccount: BillAccount = {
    id: account.id,
    number: account.number,
    kind: account.kind,
    holderName: account.holderName,
    address: formatAccountAddress(account),
    postcode: account.postcode,
    phone: account.phone,
    contractNumber: account.contractNumber,
    els: account.els,
    izhku: account.izhku,
  };
  const utility: UtilityRequisites = {
    fullName: profile.fullName,
    shortName: profile.shortName,
    inn: profile.inn,
    kpp: profile.kpp,
    legalAddress: profile.legalAddress,
    bankName: profile.bankName,
    bic: profile.bik,
    correspondentAccount: profile.correspondentAccount,
    settlementAccount: profile.settlementAccount,
    mainPhone: profile.mainPhone,
    email: profile.email,
    website: profile.website,
  };

  let qrPayload: string | null = null;
  try {
    qrPayload = billPaymentPayload({
      payee: {
        name: utility.fullName,
        settlementAccount: utility.settlementAccount,
        bankName: utility.bankName,
        bic: utility.bic,
        correspondentAccount: utility.correspondentAccount,
        inn: utility.inn,
        kpp: utility.kpp,
      },
      bill,
      account: billAccount,
      periodLabel: formatPeriod(bill.period),
    });
  } catch (error) {
    // A profile that cannot make a valid code: the page and the receipt show the details as text only.
    if (!(error instanceof RangeError)) throw error;
    log.warn({ billId: bill.id, error: describeError(error) }, 'bill.no_qr_code');
  }

  return {
    bill,
    account: billAccount,
    utility,
    groups: sortedGroups,
    linesTotalKopecks: lineRows.reduce((sum, l) => sum + l.amountKopecks, 0),
    balanceKopecks: standing.balances.get(account.id) ?? 0,
    qrPayload,
  };
}
