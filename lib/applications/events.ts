import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { companyApplicationEvents, companyApplications, utilityProfile } from '@/db/schema';
import { enqueueEmail } from '@/lib/email/outbox';
import { renderCompanyApplicationUpdate } from '@/lib/email/templates';
import { configuredOrigin } from '@/lib/http/app-url';
import { type AuditAction, audit } from '@/lib/security/audit';
import type { ApplicationStatus } from './status';

// Every change of an application leaves three traces in one transaction: a line of its timeline, an
// audit line (staff's moves are audited with the staff member as the actor) and, for a change of
// status, a letter to the applicant's contact address (the outbox sends it after commit).

export async function recordApplicationEvent(
  tx: Tx,
  e: {
    applicationId: string;
    status: ApplicationStatus;
    note?: string | null;
    actorUserId: string | null;
    at: Date;
    audit: AuditAction;
    ip?: string | null;
    details?: Record<string, unknown>;
    /** The letter's headline and lines; omitted: no letter (a document added by the applicant). */
    letter?: { headline: string; details: string[] };
    origin?: string;
  },
): Promise<void> {
  await tx.insert(companyApplicationEvents).values({
    applicationId: e.applicationId,
    status: e.status,
    note: e.note ?? null,
    actorUserId: e.actorUserId,
    at: e.at,
  });
  await audit(
    {
      action: e.audit,
      actorUserId: e.actorUserId,
      subjectType: 'company_application',
      subjectId: e.applicationId,
      ip: e.ip ?? null,
      details: { status: e.status, ...e.details },
    },
    tx,
  );
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
  const [profile] = await tx
    .select({ shortName: utilityProfile.shortName })
    .from(utilityProfile)
    .where(eq(utilityProfile.id, 1));
  await enqueueEmail(tx, {
    to: row.email,
    dedupeKey: `company-application:${e.applicationId}:${e.status}:${e.at.getTime()}`,
    ...renderCompanyApplicationUpdate({
      utilityName: profile?.shortName ?? 'Энергокабинет',
      fullName: row.name,
      number: row.number,
      headline: e.letter.headline,
      details: e.letter.details,
      link: new URL(`/lk/applications/${e.applicationId}`, e.origin ?? configuredOrigin()).toString(),
    }),
  });
}
