import 'server-only';
import { and, asc, desc, eq, gt, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { outages, type Outage } from '@/db/schema';

export type OutageKindFilter = 'planned' | 'emergency' | undefined;

export interface OutageQuery {
  /** Part of a settlement or street name, as a person types it. */
  place?: string;
  kind?: OutageKindFilter;
  now: Date;
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function placeFilter(place: string | undefined): SQL | undefined {
  const trimmed = place?.trim();
  if (!trimmed) return undefined;
  const pattern = likePattern(trimmed);
  return or(ilike(outages.settlement, pattern), ilike(outages.streets, pattern));
}

function isActiveOrUpcoming(now: Date): SQL {
  return and(isNull(outages.resolvedAt), or(isNull(outages.endsAt), gt(outages.endsAt, now)))!;
}

/** Outages going on now or still to come, soonest first. */
export async function listCurrentOutages(query: OutageQuery): Promise<Outage[]> {
  return db()
    .select()
    .from(outages)
    .where(
      and(
        isActiveOrUpcoming(query.now),
        placeFilter(query.place),
        query.kind ? eq(outages.kind, query.kind) : undefined,
      ),
    )
    .orderBy(asc(outages.startsAt));
}

/** Outages that ended within the last `days` days, latest first. */
export async function listRecentPastOutages(query: OutageQuery & { days: number }): Promise<Outage[]> {
  const since = new Date(query.now.getTime() - query.days * 86_400_000);
  return db()
    .select()
    .from(outages)
    .where(
      and(
        sql`not (${isActiveOrUpcoming(query.now)})`,
        // A raw sql fragment gets no column type, so the instant is passed as ISO text (drivers differ on a Date here).
        sql`coalesce(${outages.resolvedAt}, ${outages.endsAt}) > ${since.toISOString()}::timestamptz`,
        placeFilter(query.place),
        query.kind ? eq(outages.kind, query.kind) : undefined,
      ),
    )
    .orderBy(desc(outages.startsAt))
    .limit(50);
}

export function isOngoing(outage: Outage, now: Date): boolean {
  return outage.startsAt <= now && outage.resolvedAt === null && (outage.endsAt === null || outage.endsAt > now);
}

/** For the home page: what is off right now and what is planned soon. */
export async function listOutagesForHome(now: Date, limit = 4): Promise<Outage[]> {
  return db()
    .select()
    .from(outages)
    .where(and(isActiveOrUpcoming(now), lte(outages.startsAt, new Date(now.getTime() + 14 * 86_400_000))))
    .orderBy(desc(eq(outages.kind, 'emergency')), asc(outages.startsAt))
    .limit(limit);
}
