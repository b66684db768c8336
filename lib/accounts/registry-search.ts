import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { canUseDoor, type SessionUser } from '@/lib/auth/session';
import { balances } from '@/lib/billing/balance';
import { rowsOf } from '@/lib/billing/run-sql';
import { listParams, pageNumber, searchText as queryText } from '@/lib/http/list-params';
import { recognizePayerReference } from '@/lib/validation/gis-ids';
import { formatAccountAddress } from './list';
import type { AccountKind, AccountStatus } from '@/db/enums';

// The staff accounts registry's one search box: an account number, a holder's name, an address, a
// phone, an e-mail (the contract's or a registered user's) or a meter serial, any part of it; or a
// whole ГИС ЖКХ identifier (ЕЛС, ИЖКУ, ИПД). Each
// kind of match is one indexed probe (trigram GIN indexes, migration `accounts_registry_search`),
// their account ids are united, and one page of accounts is read by number: the statement count
// does not grow with the registry.

const REGISTRY_PAGE_SIZE = 25;
/** Trigram indexes need three characters to narrow anything down. */
export const REGISTRY_QUERY_MIN = 3;
const QUERY_MAX = 100;

/** The registry page's query string: the search and the page. */
export const registryListParams = listParams('/admin/accounts', { q: queryText(QUERY_MAX), page: pageNumber });

export interface RegistryRow {
  id: string;
  number: string;
  kind: AccountKind;
  status: AccountStatus;
  holderName: string;
  address: string;
  balanceKopecks: number;
}

export type RegistrySearch =
  | { ok: true; query: string; rows: RegistryRow[]; total: number; page: number; pageCount: number }
  | { ok: false; query: string; message: string };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (text: string) => `%${escapeLike(text)}%`;

/**
 * A query made of digits and phone punctuation only («+7 (916) 245-18-73», «8 916 2451873»): its
 * digits, without the country code of an 11-digit number, so it matches however the phone was
 * written. Account numbers and numeric serials are such queries too, and keep their digits.
 */
function phoneDigits(query: string): string | null {
  if (!/^[\d\s+()-]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8'))) return digits.slice(1);
  return digits || null;
}

const searchText = sql`account_search_text(a.number, a.holder_name, a.settlement, a.street, a.house, a.flat, a.phone, a.email)`;

/** Ids of every account the query matches, as a union of indexed probes. */
function matchingIds(query: string): SQL {
  const lower = query.toLowerCase();
  const digits = phoneDigits(query);
  // Words match anywhere in the account's text, in any order: «ленина 5 кузнецов».
  const words = digits ? [digits] : lower.split(/[\s,]+/).filter(Boolean);
  const everyWord = sql.join(
    words.map((w) => sql`${searchText} like ${contains(w)}`),
    sql` and `,
  );
  const serial = lower.replace(/\s+/g, '');
  const userMatch = digits
    ? sql`(lower(u.email) like ${contains(lower)} or regexp_replace(coalesce(u.phone, ''), '[^0-9]', '', 'g') like ${contains(digits)})`
    : sql`lower(u.email) like ${contains(lower)}`;
  return sql`
    select a.id from accounts a where ${everyWord}
    union
    select m.account_id from meters m where lower(m.serial_number) like ${contains(serial)}
    union
    select au.account_id from users u join account_users au on au.user_id = u.id where ${userMatch}
    union
    select a.id from users u join accounts a on a.company_id = u.company_id where ${userMatch}${gisProbe(query)}`;
}

/** An ЕЛС, ИЖКУ or ИПД typed whole (a caller reading it off the bill): one exact probe of its unique index. */
function gisProbe(query: string): SQL {
  const reference = recognizePayerReference(query);
  switch (reference?.kind) {
    case 'els':
      return sql` union select a.id from accounts a where a.els = ${reference.value}`;
    case 'izhku':
      return sql` union select a.id from accounts a where a.izhku = ${reference.value}`;
    case 'ipd':
      return sql` union select b.account_id from bills b where b.ipd = ${reference.value}`;
    default:
      return sql``;
  }
}

interface Row {
  id: string;
  number: string;
  kind: AccountKind;
  status: AccountStatus;
  holder_name: string;
  settlement: string;
  street: string;
  house: string;
  flat: string | null;
  total: number;
}

/** One page of the registry for a staff member; anyone else gets nothing. An empty query lists all. */
export async function searchRegistry(
  viewer: SessionUser,
  input: { q?: string; page?: number },
): Promise<RegistrySearch> {
  const query = (input.q ?? '').trim().replace(/\s+/g, ' ').slice(0, QUERY_MAX);
  if (!canUseDoor(viewer, 'staff')) return { ok: false, query, message: 'Реестр доступен только сотрудникам' };
  if (query && query.length < REGISTRY_QUERY_MIN) {
    return { ok: false, query, message: `Введите не меньше ${REGISTRY_QUERY_MIN} символов` };
  }
  const page = Math.max(1, Math.trunc(input.page ?? 1) || 1);
  const offset = (page - 1) * REGISTRY_PAGE_SIZE;
  const source = query ? sql`accounts a join (${matchingIds(query)}) hit on hit.id = a.id` : sql`accounts a`;
  const result = await db().execute(sql`
    select a.id, a.number, a.kind, a.status, a.holder_name, a.settlement, a.street, a.house, a.flat,
      count(*) over ()::int as total
    from ${source}
    order by a.number
    limit ${REGISTRY_PAGE_SIZE} offset ${offset}`);
  const rows = rowsOf<Row>(result);
  // A page past the end (an old link): the count comes from a row, so ask for it alone.
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    const [row] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from ${source}`));
    total = row?.n ?? 0;
  }
  const owed = await balances(rows.map((r) => r.id));
  return {
    ok: true,
    query,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / REGISTRY_PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      status: r.status,
      holderName: r.holder_name,
      address: formatAccountAddress(r),
      balanceKopecks: owed.get(r.id) ?? 0,
    })),
  };
}
