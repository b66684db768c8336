import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, outageAddresses, outages, type Outage, type OutageAddress } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { kickNotifications } from '@/lib/notifications/dispatch';
import { notifyOutage } from '@/lib/notifications/outage';
import { audit } from '@/lib/security/audit';
import { formatHouseSpec, houseMatches, parseHouseSpec } from './house-spec';
import type { OutageInput } from './outage-schema';

// Staff enter outages against the addresses accounts really have (the same settlement and street
// spelling), so «отключения по моему адресу» is an equality match plus the house list, not a guess
// over free text.

export interface AddressBookEntry {
  settlement: string;
  streets: string[];
}

/** Every settlement and its streets, as spelled on the accounts; the outage form picks from it. */
export async function listAddressBook(): Promise<AddressBookEntry[]> {
  const rows = await db()
    .selectDistinct({ settlement: accounts.settlement, street: accounts.street })
    .from(accounts)
    .where(eq(accounts.status, 'active'))
    .orderBy(asc(accounts.settlement), asc(accounts.street));
  const book = new Map<string, string[]>();
  for (const row of rows) book.set(row.settlement, [...(book.get(row.settlement) ?? []), row.street]);
  return [...book].map(([settlement, streets]) => ({ settlement, streets }));
}

/** The published line: «ул. Советская, д. 1–25; ул. Ленина, все дома», or the whole settlement. */
function describeAddresses(addresses: readonly { street: string; houses: string | null }[]): string {
  if (addresses.length === 0) return 'весь населённый пункт';
  return addresses.map((a) => `${a.street}, ${formatHouseSpec(a.houses)}`).join('; ');
}

function endOf(input: OutageInput): Date | null {
  if (input.endsAt) return input.endsAt;
  if (input.estimateHours) return new Date(input.startsAt.getTime() + input.estimateHours * 3_600_000);
  return null;
}

/** Publishes an outage with its addresses, at once (it is on the public pages after the commit). */
export async function createOutage(
  staff: SessionUser,
  input: OutageInput,
  now = new Date(),
): Promise<ActionResult<{ id: string }>> {
  const result = await db().transaction(async (tx) => {
    const known = await tx
      .selectDistinct({ street: accounts.street })
      .from(accounts)
      .where(eq(accounts.settlement, input.settlement));
    if (known.length === 0) {
      return fail('Проверьте выделенные поля', { settlement: 'Выберите населённый пункт из списка' });
    }
    const streets = new Set(known.map((k) => k.street));
    const unknown = input.addresses.find((a) => !streets.has(a.street));
    if (unknown) return fail(`Улицы «${unknown.street}» нет среди адресов абонентов пункта ${input.settlement}.`);
    const addresses = input.addresses.map((a) => ({ street: a.street, houses: a.houses.trim() || null }));
    const [row] = await tx
      .insert(outages)
      .values({
        kind: input.kind,
        settlement: input.settlement,
        streets: describeAddresses(addresses),
        reason: input.reason,
        startsAt: input.startsAt,
        endsAt: endOf(input),
        publishedAt: now,
        createdAt: now,
      })
      .returning({ id: outages.id });
    const id = row!.id;
    if (addresses.length) await tx.insert(outageAddresses).values(addresses.map((a) => ({ outageId: id, ...a })));
    await audit(
      {
        action: 'outage.created',
        actorUserId: staff.id,
        subjectType: 'outage',
        subjectId: id,
        details: { kind: input.kind, settlement: input.settlement, streets: addresses.length },
      },
      tx,
    );
    // In the same transaction: an outage that is published is one its subscribers are told about.
    await notifyOutage(tx, id, now);
    return succeed({ id });
  });
  if (result.ok) kickNotifications();
  return result;
}

/** Power is back: the outage leaves the current list (and moves to the recent history). */
export async function resolveOutage(staff: SessionUser, id: string, now = new Date()): Promise<ActionResult> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .update(outages)
      .set({ resolvedAt: now })
      .where(and(eq(outages.id, id), isNull(outages.resolvedAt)))
      .returning({ id: outages.id });
    if (!row) return fail('Отключение уже завершено или не найдено — обновите страницу.');
    await audit({ action: 'outage.resolved', actorUserId: staff.id, subjectType: 'outage', subjectId: id }, tx);
    return succeed({});
  });
}

/** A new end or estimate for an outage still going on. */
export async function moveOutageEnd(staff: SessionUser, id: string, endsAt: Date): Promise<ActionResult> {
  return db().transaction(async (tx) => {
    const [current] = await tx.select().from(outages).where(eq(outages.id, id)).for('update');
    if (!current || current.resolvedAt) return fail('Отключение уже завершено или не найдено — обновите страницу.');
    if (endsAt <= current.startsAt)
      return fail('Проверьте выделенные поля', { endsAt: 'Окончание должно быть позже начала' });
    await tx.update(outages).set({ endsAt }).where(eq(outages.id, id));
    await audit(
      {
        action: 'outage.updated',
        actorUserId: staff.id,
        subjectType: 'outage',
        subjectId: id,
        details: { endsAt: endsAt.toISOString(), previous: current.endsAt?.toISOString() ?? null },
      },
      tx,
    );
    return succeed({});
  });
}

/** For the console: outages going on or to come, and those finished in the last week. */
export async function listOutagesForStaff(now = new Date()): Promise<Outage[]> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  return db()
    .select()
    .from(outages)
    .where(or(isNull(outages.resolvedAt), gt(outages.resolvedAt, weekAgo)))
    .orderBy(desc(isNull(outages.resolvedAt)), desc(eq(outages.kind, 'emergency')), asc(outages.startsAt))
    .limit(200);
}

export interface AddressOfAccount {
  settlement: string;
  street: string;
  house: string;
}

/**
 * Outages going on now or still to come at this address: the same settlement, and either the whole
 * settlement (no streets listed) or this street with this house in its list (or the whole street).
 */
export async function outagesAtAddress(address: AddressOfAccount, now = new Date()): Promise<Outage[]> {
  const candidates = await db()
    .select()
    .from(outages)
    .where(
      and(
        eq(outages.settlement, address.settlement),
        isNull(outages.resolvedAt),
        or(isNull(outages.endsAt), gt(outages.endsAt, now)),
      ),
    )
    .orderBy(asc(outages.startsAt));
  if (candidates.length === 0) return [];
  const rows = await db()
    .select()
    .from(outageAddresses)
    .where(
      inArray(
        outageAddresses.outageId,
        candidates.map((c) => c.id),
      ),
    );
  const byOutage = new Map<string, OutageAddress[]>();
  for (const row of rows) byOutage.set(row.outageId, [...(byOutage.get(row.outageId) ?? []), row]);
  return candidates.filter((outage) => {
    const listed = byOutage.get(outage.id);
    // An outage entered as free text before addresses were structured names no streets here: it is
    // matched by its text, street name included, so it is not silently missed.
    if (!listed) return outage.streets === 'весь населённый пункт' || outage.streets.includes(address.street);
    return listed.some((a) => {
      if (a.street !== address.street) return false;
      const spec = parseHouseSpec(a.houses ?? '');
      return spec.ok && houseMatches(spec.spec, address.house);
    });
  });
}
