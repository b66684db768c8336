import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { connectionApplications, connectionEvents, users } from '@/db/schema';
import { renderServiceRequestUpdate } from '@/lib/email/templates';
import { auditStep, queueStepLetter, type WorkflowStep } from '@/lib/workflow/step-traces';

// Every change of an application leaves three traces in the same transaction: a line of its
// timeline (with the hash of the document posted, as evidence of what the cabinet showed), a letter
// to the applicant (the outbox sends it after commit) and an audit line.

export type ConnectionEventKind =
  | 'submitted'
  | 'data_requested'
  | 'data_supplied'
  | 'offer_posted'
  | 'contracted'
  | 'installment_paid'
  | 'works_done'
  | 'act_posted'
  | 'done'
  | 'cancelled';

export const CONNECTION_EVENT_LABEL: Record<ConnectionEventKind, string> = {
  submitted: 'Заявка подана',
  data_requested: 'Запрошены недостающие сведения',
  data_supplied: 'Сведения представлены',
  offer_posted: 'Размещены договор, счёт и технические условия',
  contracted: 'Счёт оплачен — договор заключён',
  installment_paid: 'Получен очередной платёж по рассрочке',
  works_done: 'Мероприятия сетевой организации выполнены',
  act_posted: 'Размещён акт о технологическом присоединении',
  done: 'Присоединение завершено',
  cancelled: 'Заявка аннулирована',
};

/** Where the applicant sees the application: the cabinet it was filed from. */
function applicationPath(companyId: string | null, applicationId: string): string {
  return `${companyId ? '/lk' : '/fiz'}/connection/${applicationId}`;
}

export async function recordConnectionEvent(
  tx: Tx,
  e: WorkflowStep & {
    applicationId: string;
    kind: ConnectionEventKind;
    documentSha256?: string | null;
    letter: { headline: string; details: string[] };
  },
): Promise<void> {
  await tx.insert(connectionEvents).values({
    applicationId: e.applicationId,
    kind: e.kind,
    note: e.note ?? null,
    documentSha256: e.documentSha256 ?? null,
    actorUserId: e.actorUserId,
    at: e.at,
  });
  await auditStep(tx, { type: 'connection_application', id: e.applicationId }, e);
  const [row] = await tx
    .select({
      number: connectionApplications.number,
      objectName: connectionApplications.objectName,
      companyId: connectionApplications.companyId,
      email: users.email,
      fullName: users.fullName,
      notify: users.notifyServiceRequests,
    })
    .from(connectionApplications)
    .innerJoin(users, eq(users.id, connectionApplications.userId))
    .where(eq(connectionApplications.id, e.applicationId));
  if (!row || !row.notify) return;
  await queueStepLetter(
    tx,
    e,
    {
      address: row.email,
      dedupeKey: `connection:${e.applicationId}:${e.kind}:${e.at.getTime()}`,
      path: applicationPath(row.companyId, e.applicationId),
    },
    (parts) =>
      renderServiceRequestUpdate({
        ...parts,
        fullName: row.fullName,
        number: row.number,
        title: `Технологическое присоединение: ${row.objectName}`,
      }),
  );
}
