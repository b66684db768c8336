import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { serviceCatalog, serviceRequestEvents, serviceRequests, users } from '@/db/schema';
import { renderServiceRequestUpdate } from '@/lib/email/templates';
import { auditStep, queueStepLetter, type WorkflowStep } from '@/lib/workflow/step-traces';

// Every change of a request leaves three traces in the same transaction: a line of its timeline
// (here), an audit line and a letter to the customer (lib/workflow/step-traces.ts).

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
  e: WorkflowStep & { requestId: string; kind: EventKind },
): Promise<void> {
  await tx.insert(serviceRequestEvents).values({
    requestId: e.requestId,
    kind: e.kind,
    note: e.note ?? null,
    actorUserId: e.actorUserId,
    at: e.at,
  });
  await auditStep(tx, { type: 'service_request', id: e.requestId }, e);
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
  await queueStepLetter(
    tx,
    { origin: e.origin, letter: e.letter },
    {
      address: row.email,
      dedupeKey: `service-request:${e.requestId}:${e.kind}:${e.at.getTime()}`,
      path: requestPath(row.role, e.requestId),
    },
    (parts) => renderServiceRequestUpdate({ ...parts, fullName: row.fullName, number: row.number, title: row.title }),
  );
}
