import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { serviceCatalog, serviceRequestEvents, serviceRequests, users } from '@/db/schema';
import { renderServiceRequestUpdate } from '@/lib/email/templates';
import { notify } from '@/lib/notifications/dispatch';
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
      userId: users.id,
    })
    .from(serviceRequests)
    .innerJoin(serviceCatalog, eq(serviceCatalog.id, serviceRequests.serviceId))
    .innerJoin(users, eq(users.id, serviceRequests.userId))
    .where(eq(serviceRequests.id, e.requestId));
  if (!row) return;
  // The letter below is the e-mail; an SMS, if the customer asked for one, goes through the dispatcher.
  const headline = e.letter.headline;
  await notify(tx, 'service_request_changed', [row.userId], {
    key: `${e.requestId}:${e.kind}:${e.at.getTime()}`,
    channels: ['sms'],
    now: e.at,
    render: (_person, utilityName) => ({
      title: `Заявка № ${row.number}: ${headline}`,
      sms: `${utilityName}: заявка № ${row.number} «${row.title}» — ${headline}.`,
    }),
  });
  if (!row.notify) return;
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
