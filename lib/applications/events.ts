import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { companyApplicationEvents, companyApplications } from '@/db/schema';
import { renderCompanyApplicationUpdate } from '@/lib/email/templates';
import { auditStep, queueStepLetter, type WorkflowStep } from '@/lib/workflow/step-traces';
import type { ApplicationStatus } from './status';

// Every change of an application leaves three traces in one transaction: a line of its timeline, an
// audit line (staff's moves are audited with the staff member as the actor) and, for a change of
// status, a letter to the applicant's contact address (the outbox sends it after commit).

export async function recordApplicationEvent(
  tx: Tx,
  e: WorkflowStep & { applicationId: string; status: ApplicationStatus },
): Promise<void> {
  await tx.insert(companyApplicationEvents).values({
    applicationId: e.applicationId,
    status: e.status,
    note: e.note ?? null,
    actorUserId: e.actorUserId,
    at: e.at,
  });
  await auditStep(tx, { type: 'company_application', id: e.applicationId }, e, { status: e.status, ...e.details });
  if (!e.letter) return;
  const [row] = await tx
    .select({
      number: companyApplications.number,
      email: companyApplications.email,
      name: companyApplications.contactName,
    })
    .from(companyApplications)
    .where(eq(companyApplications.id, e.applicationId));
  if (!row) return;
  await queueStepLetter(
    tx,
    { origin: e.origin, letter: e.letter },
    {
      address: row.email,
      dedupeKey: `company-application:${e.applicationId}:${e.status}:${e.at.getTime()}`,
      path: `/lk/applications/${e.applicationId}`,
    },
    (parts) => renderCompanyApplicationUpdate({ ...parts, fullName: row.name, number: row.number }),
  );
}
