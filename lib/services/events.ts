import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { serviceCatalog, serviceRequestEvents, serviceRequests, users, utilityProfile } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderServiceRequestUpdate } from '@/lib/email/templates';
import { configuredOrigin } from '@/lib/http/app-url';
import { type AuditAction, audit } from '@/lib/security/audit';

// Every change of a request leaves three traces in the same transaction: a line of its timeline,
// a letter to the customer (the outbox sends it after commit) and an audit line.

export type EventKind =
  'new' | 'price_confirmed' | 'price_accepted' | 'paid' | 'scheduled' | 'rescheduled' | 'done' | 'cancelled';

export const EVENT_LABEL: Record<EventKind, string> = {
  new: 'Заявка подана',
  price_confirmed: 'Цена подтверждена',
  price_accepted: 'Цена принята заказчиком',
  paid: 'Оплачена',
  scheduled: 'Назначен выезд',
  rescheduled: 'Выезд перенесён',
  done: 'Работы выполнены',
  cancelled: 'Заявка отменена',
};

/** Where the customer sees the request: the door they ordered through. */
function requestPath(role: string, requestId: string): string {
  return `${role === 'company_user' ? '/lk' : '/fiz'}/services/${requestId}`;
}

export async function recordServiceEvent(
  tx: Tx,
  e: {
    requestId: string;
    kind: EventKind;
    note?: string | null;
    actorUserId: string | null;
    at: Date;
    audit: AuditAction;
    ip?: string | null;
    details?: Record<string, unknown>;
    /** The letter's lines after the headline; omitted: no letter (e.g. the customer's own acceptance). */
    letter?: { headline: string; details: string[] };
    origin?: string;
  },
): Promise<void> {
  await tx.insert(serviceRequestEvents).values({
    requestId: e.requestId,
    kind: e.kind,
    note: e.note ?? null,
    actorUserId: e.actorUserId,
    at: e.at,
  });
  await audit(
    {
      action: e.audit,
      actorUserId: e.actorUserId,
      subjectType: 'service_request',
      subjectId: e.requestId,
      ip: e.ip ?? null,
      details: e.details,
    },
    tx,
  );
  if (!e.letter) return;
  const [row] = await tx
    .select({
      number: serviceRequests.number,
      title: serviceCatalog.title,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      notify: users.notifyServiceRequests,
    })
    .from(serviceRequests)
    .innerJoin(serviceCatalog, eq(serviceCatalog.id, serviceRequests.serviceId))
    .innerJoin(users, eq(users.id, serviceRequests.userId))
    .where(eq(serviceRequests.id, e.requestId));
  if (!row || !row.notify) return;
  const [profile] = await tx
    .select({ shortName: utilityProfile.shortName })
    .from(utilityProfile)
    .where(eq(utilityProfile.id, 1));
  await enqueueEmail(tx, {
    to: row.email,
    dedupeKey: `service-request:${e.requestId}:${e.kind}:${e.at.getTime()}`,
    ...renderServiceRequestUpdate({
      utilityName: profile?.shortName ?? 'Энергокабинет',
      fullName: row.fullName,
      number: row.number,
      title: row.title,
      headline: e.letter.headline,
      details: e.letter.details,
      link: new URL(requestPath(row.role, e.requestId), e.origin ?? configuredOrigin()).toString(),
    }),
  });
}
