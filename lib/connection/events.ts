import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { connectionApplications, connectionEvents, users, utilityProfile } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderServiceRequestUpdate } from '@/lib/email/templates';
import { configuredOrigin } from '@/lib/http/app-url';
import { type AuditAction, audit } from '@/lib/security/audit';

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
  e: {
    applicationId: string;
    kind: ConnectionEventKind;
    note?: string | null;
    documentSha256?: string | null;
    actorUserId: string | null;
    at: Date;
    audit: AuditAction;
    ip?: string | null;
    details?: Record<string, unknown>;
    letter: { headline: string; details: string[] };
    origin?: string;
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
  await audit(
    {
      action: e.audit,
      actorUserId: e.actorUserId,
      subjectType: 'connection_application',
      subjectId: e.applicationId,
      ip: e.ip ?? null,
      details: e.details,
    },
    tx,
  );
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
  const [profile] = await tx
    .select({ shortName: utilityProfile.shortName })
    .from(utilityProfile)
    .where(eq(utilityProfile.id, 1));
  await enqueueEmail(tx, {
    to: row.email,
    dedupeKey: `connection:${e.applicationId}:${e.kind}:${e.at.getTime()}`,
    ...renderServiceRequestUpdate({
      utilityName: profile?.shortName ?? 'Энергокабинет',
      fullName: row.fullName,
      number: row.number,
      title: `Технологическое присоединение: ${row.objectName}`,
      headline: e.letter.headline,
      details: e.letter.details,
      link: new URL(applicationPath(row.companyId, e.applicationId), e.origin ?? configuredOrigin()).toString(),
    }),
  });
}
