import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts, outageAddresses, outages } from '@/db/schema';
import { houseMatches, parseHouseSpec } from '@/lib/content/house-spec';
import { renderOutageNotice } from '@/lib/email/templates';
import { formatDateTime } from '@/lib/format/dates';
import { configuredOrigin } from '@/lib/http/app-url';
import { notify, type NotifyResult } from './dispatch';
import { peopleOf } from './recipients';

/**
 * The active accounts an outage covers: its settlement, and either the whole settlement (no streets
 * listed) or a listed street with the account's house in its list (an empty list: the whole street).
 */
export async function accountsCoveredBy(tx: Tx, outageId: string): Promise<string[]> {
  const [outage] = await tx.select().from(outages).where(eq(outages.id, outageId));
  if (!outage) return [];
  const listed = await tx.select().from(outageAddresses).where(eq(outageAddresses.outageId, outageId));
  const streets = listed.map((a) => a.street);
  if (listed.length === 0 && outage.streets !== 'весь населённый пункт') return [];
  const candidates = await tx
    .select({ id: accounts.id, street: accounts.street, house: accounts.house })
    .from(accounts)
    .where(
      and(
        eq(accounts.settlement, outage.settlement),
        eq(accounts.status, 'active'),
        streets.length ? inArray(accounts.street, streets) : undefined,
      ),
    );
  if (listed.length === 0) return candidates.map((c) => c.id);
  const specs = new Map(listed.map((a) => [a.street, parseHouseSpec(a.houses ?? '')]));
  return candidates
    .filter((c) => {
      const spec = specs.get(c.street);
      return spec?.ok === true && houseMatches(spec.spec, c.house);
    })
    .map((c) => c.id);
}

/** Tells the people at the outage's addresses; an emergency outage ignores quiet hours. */
export async function notifyOutage(tx: Tx, outageId: string, now = new Date()): Promise<NotifyResult> {
  const [outage] = await tx.select().from(outages).where(eq(outages.id, outageId));
  if (!outage) return { email: 0, sms: 0, push: 0 };
  const people = await peopleOf(tx, await accountsCoveredBy(tx, outageId));
  const emergency = outage.kind === 'emergency';
  const headline = `${emergency ? 'Аварийное' : 'Плановое'} отключение электроэнергии: ${outage.settlement}`;
  const when = `с ${formatDateTime(outage.startsAt)} ${outage.endsAt ? `до ${formatDateTime(outage.endsAt)}` : '— окончание уточняется'}`;
  return notify(tx, 'outage', people, {
    key: outage.id,
    urgent: emergency,
    now,
    render: (person, utilityName) => ({
      email: renderOutageNotice({
        utilityName,
        fullName: person.fullName,
        headline,
        details: [`Адреса: ${outage.streets}.`, `Когда: ${when}.`, `Причина: ${outage.reason}.`],
        link: `${configuredOrigin()}/outages`,
      }),
      sms: `${utilityName}: ${emergency ? 'аварийное' : 'плановое'} отключение, ${outage.settlement}, ${outage.streets}, ${when}.`,
    }),
  });
}
