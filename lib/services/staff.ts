import 'server-only';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { moscowDay } from '@/lib/format/dates';
import { serviceCatalog, serviceRequests, users } from '@/db/schema';
import { SERVICE_STATUSES, type ServiceStatus } from './status';

// The staff queue of paid-service requests: by status, the ones waiting longest first; scheduled
// ones by visit time; finished ones newest first.

export interface QueueRow {
  id: string;
  number: number;
  title: string;
  customer: string;
  address: string;
  preferredDate: string | null;
  scheduledAt: Date | null;
  crew: string | null;
  status: ServiceStatus;
  priceKopecks: number | null;
  priceAccepted: boolean;
  createdAt: Date;
}

export async function statusCounts(): Promise<Record<ServiceStatus, number>> {
  const rows = await db()
    .select({ status: serviceRequests.status, n: sql<number>`count(*)::int` })
    .from(serviceRequests)
    .groupBy(serviceRequests.status);
  const out = Object.fromEntries(SERVICE_STATUSES.map((s) => [s, 0])) as Record<ServiceStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export async function staffQueue(status: ServiceStatus): Promise<QueueRow[]> {
  const order =
    status === 'scheduled'
      ? [asc(serviceRequests.scheduledAt)]
      : status === 'done' || status === 'cancelled'
        ? [desc(serviceRequests.updatedAt)]
        : [asc(sql`coalesce(${serviceRequests.preferredDate}, '9999-12-31')`), asc(serviceRequests.createdAt)];
  const rows = await db()
    .select({
      id: serviceRequests.id,
      number: serviceRequests.number,
      title: serviceCatalog.title,
      customer: users.fullName,
      address: serviceRequests.address,
      preferredDate: serviceRequests.preferredDate,
      scheduledAt: serviceRequests.scheduledAt,
      crew: serviceRequests.crew,
      status: serviceRequests.status,
      priceKopecks: serviceRequests.priceKopecks,
      priceAcceptedAt: serviceRequests.priceAcceptedAt,
      createdAt: serviceRequests.createdAt,
    })
    .from(serviceRequests)
    .innerJoin(serviceCatalog, eq(serviceCatalog.id, serviceRequests.serviceId))
    .innerJoin(users, eq(users.id, serviceRequests.userId))
    .where(eq(serviceRequests.status, status))
    .orderBy(...order)
    .limit(200);
  return rows.map(({ priceAcceptedAt, ...r }) => ({ ...r, priceAccepted: priceAcceptedAt !== null }));
}

export async function customerOf(userId: string) {
  const [row] = await db()
    .select({ fullName: users.fullName, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

/** `YYYY-MM-DD` + `HH:MM` on the Moscow clock (UTC+3 all year since 2014) → the instant. */
export function moscowInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+03:00`);
}

/** Today and tomorrow on the Moscow calendar, for the visit form's defaults. */
export function visitDays(now = new Date()): { today: string; tomorrow: string } {
  const d = new Date(`${moscowDay(now)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return { today: moscowDay(now), tomorrow: d.toISOString().slice(0, 10) };
}
