// Reading meters: a subscriber's own (with the verification warning) and the staff queue of requests.
import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, meters, users } from '@/db/schema';
import { formatAccountAddress } from '@/lib/accounts/list';
import { type TariffZone, type ZonePlan, zonesForPlan } from '@/lib/tariffs/zones';
import { decodePhotoDataUrl, type PhotoType } from './photo';
import { type VerificationFlag, verificationStatus } from './verification';
import { isUuid } from '@/lib/validation/ids';

import type { MeterStatus } from '@/db/enums';
export type { MeterStatus };

export interface MeterSummary {
  id: string;
  accountId: string;
  accountNumber: string;
  address: string;
  serialNumber: string;
  model: string | null;
  zonePlan: ZonePlan;
  zones: readonly TariffZone[];
  status: MeterStatus;
  installedAt: string;
  verificationDue: string | null;
  verification: VerificationFlag;
  /** Moscow days until the due date (negative: overdue); null without a date. */
  verificationDaysLeft: number | null;
  removedAt: string | null;
  /** When the request was made (for pending and rejected requests). */
  requestedAt: Date;
  hasPhoto: boolean;
}

/**
 * Every meter of the given accounts (callers pass only accounts the user may see), with the
 * verification flag as of `now`. One query. Order: account, then the meters people use first
 * (active), then requests, then the rest; oldest installation first.
 */
export async function listMetersOfAccounts(accountIds: string[], now = new Date()): Promise<MeterSummary[]> {
  if (accountIds.length === 0) return [];
  const rows = await db()
    .select({
      id: meters.id,
      accountId: meters.accountId,
      account: {
        number: accounts.number,
        settlement: accounts.settlement,
        street: accounts.street,
        house: accounts.house,
        flat: accounts.flat,
      },
      serialNumber: meters.serialNumber,
      model: meters.model,
      zonePlan: meters.zonePlan,
      status: meters.status,
      installedAt: meters.installedAt,
      verificationDue: meters.verificationDue,
      removedAt: meters.removedAt,
      requestedAt: meters.createdAt,
      hasPhoto: sql<boolean>`${meters.nameplatePhoto} is not null`,
    })
    .from(meters)
    .innerJoin(accounts, eq(accounts.id, meters.accountId))
    .where(inArray(meters.accountId, accountIds))
    .orderBy(
      asc(accounts.number),
      sql`case ${meters.status} when 'active' then 0 when 'pending_confirmation' then 1 when 'rejected' then 2 else 3 end`,
      asc(meters.installedAt),
      asc(meters.serialNumber),
    );
  return rows.map((r) => {
    const v = verificationStatus(r.verificationDue, now);
    return {
      id: r.id,
      accountId: r.accountId,
      accountNumber: r.account.number,
      address: formatAccountAddress(r.account),
      serialNumber: r.serialNumber,
      model: r.model,
      zonePlan: r.zonePlan as ZonePlan,
      zones: zonesForPlan(r.zonePlan),
      status: r.status,
      installedAt: r.installedAt,
      verificationDue: r.verificationDue,
      verification: v.flag,
      verificationDaysLeft: v.daysLeft,
      removedAt: r.removedAt,
      requestedAt: r.requestedAt,
      hasPhoto: Boolean(r.hasPhoto),
    };
  });
}

export interface PendingMeter {
  id: string;
  serialNumber: string;
  model: string | null;
  zonePlan: ZonePlan;
  zones: readonly TariffZone[];
  installedAt: string;
  requestedAt: Date;
  hasPhoto: boolean;
  requestedBy: { fullName: string; email: string; phone: string | null } | null;
  account: { id: string; number: string; holderName: string; address: string };
  /** The meter the subscriber says this one replaced: staff enter its final reading on confirming. */
  replaces: { serialNumber: string; zones: readonly TariffZone[] } | null;
}

/**
 * Requests waiting for staff, oldest first. The photo itself is not loaded here (it can be a couple of
 * megabytes): the page shows it from `/admin/meters/<id>/photo`.
 */
export async function listPendingMeters(): Promise<PendingMeter[]> {
  const rows = await db()
    .select({
      id: meters.id,
      serialNumber: meters.serialNumber,
      model: meters.model,
      zonePlan: meters.zonePlan,
      installedAt: meters.installedAt,
      requestedAt: meters.createdAt,
      hasPhoto: sql<boolean>`${meters.nameplatePhoto} is not null`,
      userName: users.fullName,
      userEmail: users.email,
      userPhone: users.phone,
      account: accounts,
      replacesSerial: sql<string | null>`(select o.serial_number from meters o where o.id = ${meters.replacesMeterId})`,
      replacesPlan: sql<number | null>`(select o.zone_plan from meters o where o.id = ${meters.replacesMeterId})`,
    })
    .from(meters)
    .innerJoin(accounts, eq(accounts.id, meters.accountId))
    .leftJoin(users, eq(users.id, meters.requestedBy))
    .where(eq(meters.status, 'pending_confirmation'))
    .orderBy(asc(meters.createdAt), asc(meters.id));
  return rows.map((r) => ({
    id: r.id,
    serialNumber: r.serialNumber,
    model: r.model,
    zonePlan: r.zonePlan as ZonePlan,
    zones: zonesForPlan(r.zonePlan),
    installedAt: r.installedAt,
    requestedAt: r.requestedAt,
    hasPhoto: Boolean(r.hasPhoto),
    requestedBy: r.userEmail ? { fullName: r.userName ?? '', email: r.userEmail, phone: r.userPhone } : null,
    account: {
      id: r.account.id,
      number: r.account.number,
      holderName: r.account.holderName,
      address: formatAccountAddress(r.account),
    },
    replaces:
      r.replacesSerial && r.replacesPlan
        ? { serialNumber: r.replacesSerial, zones: zonesForPlan(Number(r.replacesPlan)) }
        : null,
  }));
}

/** The nameplate photo of a meter as bytes (re-checked), for the staff-only image route. */
export async function meterPhoto(meterId: string): Promise<{ type: PhotoType; bytes: Uint8Array } | null> {
  if (!isUuid(meterId)) return null;
  const [row] = await db().select({ photo: meters.nameplatePhoto }).from(meters).where(eq(meters.id, meterId));
  return row?.photo ? decodePhotoDataUrl(row.photo) : null;
}

/** What the staff page says after a decision, read back from the database. */
export async function meterDecisionSummary(
  meterId: string,
): Promise<{ serialNumber: string; accountNumber: string; status: MeterStatus } | null> {
  if (!isUuid(meterId)) return null;
  const [row] = await db()
    .select({ serialNumber: meters.serialNumber, accountNumber: accounts.number, status: meters.status })
    .from(meters)
    .innerJoin(accounts, eq(accounts.id, meters.accountId))
    .where(eq(meters.id, meterId));
  return row ?? null;
}

/** The request of this user's account, for the confirmation shown after it is sent. */
export async function meterOfAccounts(
  meterId: string,
  accountIds: string[],
): Promise<{ serialNumber: string; status: MeterStatus } | null> {
  if (!isUuid(meterId) || accountIds.length === 0) return null;
  const [row] = await db()
    .select({ serialNumber: meters.serialNumber, status: meters.status })
    .from(meters)
    .where(and(eq(meters.id, meterId), inArray(meters.accountId, accountIds)));
  return row ?? null;
}

/** The active meters of an account by its number, for the staff replacement form. */
export async function activeMetersOfAccountNumber(
  number: string,
): Promise<
  { id: string; serialNumber: string; zonePlan: ZonePlan; zones: readonly TariffZone[]; installedAt: string }[]
> {
  if (!/^[0-9]{6,12}$/.test(number)) return [];
  const rows = await db()
    .select({
      id: meters.id,
      serialNumber: meters.serialNumber,
      zonePlan: meters.zonePlan,
      installedAt: meters.installedAt,
    })
    .from(meters)
    .innerJoin(accounts, eq(accounts.id, meters.accountId))
    .where(and(eq(accounts.number, number), eq(meters.status, 'active')))
    .orderBy(asc(meters.installedAt));
  return rows.map((r) => ({ ...r, zonePlan: r.zonePlan as ZonePlan, zones: zonesForPlan(r.zonePlan) }));
}
