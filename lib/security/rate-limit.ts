import 'server-only';
import { lt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { rateLimits } from '@/db/schema';

// Fixed-window counters in Postgres, so a limit holds across every app instance.

export interface RateRule {
  /** How many hits the window allows. */
  limit: number;
  windowSeconds: number;
}

export interface RateState {
  hits: number;
  allowed: boolean;
  retryAfterSeconds: number;
}

function windowStart(now: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

function state(hits: number, rule: RateRule, start: Date, now: Date): RateState {
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((start.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000),
  );
  return { hits, allowed: hits <= rule.limit, retryAfterSeconds };
}

/** Counts one hit and says whether it is within the limit (one statement, race-free). */
export async function hitRateLimit(key: string, rule: RateRule, now = new Date()): Promise<RateState> {
  const start = windowStart(now, rule.windowSeconds);
  const [row] = await db()
    .insert(rateLimits)
    .values({ key, windowStart: start, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  return state(row?.hits ?? 1, rule, start, now);
}

/** Drops windows that ended long ago; run from the periodic jobs. */
export async function pruneRateLimits(olderThan: Date): Promise<void> {
  await db().delete(rateLimits).where(lt(rateLimits.windowStart, olderThan));
}
