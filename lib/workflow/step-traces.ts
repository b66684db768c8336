import 'server-only';
import type { Tx } from '@/db/client';
import { queueLetter } from '@/lib/email/queue-letter';
import type { RenderedEmail } from '@/lib/email/templates';
import { configuredOrigin } from '@/lib/http/app-url';
import { type AuditAction, audit } from '@/lib/security/audit';

// A step of a customer's request (a paid service, a supply contract, a grid connection) leaves the
// same traces in one transaction whatever the request is: a line of its timeline (each workflow
// writes its own table), an audit line with the actor, and a letter to the customer that the outbox
// sends after commit. The timeline differs; these two are written here once.

/** Who took a step, when, what the audit says about it and what the customer is told. */
export interface WorkflowStep {
  note?: string | null;
  actorUserId: string | null;
  at: Date;
  audit: AuditAction;
  ip?: string | null;
  details?: Record<string, unknown>;
  /** The letter's headline and lines; omitted: no letter (e.g. the customer's own move). */
  letter?: StepLetter;
  /** The origin of the letter's link; the configured APP_URL unless a test gives its own. */
  origin?: string;
}

interface StepLetter {
  headline: string;
  details: string[];
}

/** The audit line of a step, naming the request it moved. */
export async function auditStep(
  tx: Tx,
  subject: { type: string; id: string },
  step: WorkflowStep,
  details: Record<string, unknown> | undefined = step.details,
): Promise<void> {
  await audit(
    {
      action: step.audit,
      actorUserId: step.actorUserId,
      subjectType: subject.type,
      subjectId: subject.id,
      ip: step.ip ?? null,
      details,
    },
    tx,
  );
}

/**
 * The customer's letter about a step: `render` gets the utility's name, the headline and lines,
 * and the link to the request in the customer's cabinet (`path` on the step's origin).
 */
export async function queueStepLetter(
  tx: Tx,
  step: Pick<WorkflowStep, 'origin'> & { letter: StepLetter },
  to: { address: string; dedupeKey: string; path: string },
  render: (parts: StepLetter & { utilityName: string; link: string }) => RenderedEmail,
): Promise<void> {
  const link = new URL(to.path, step.origin ?? configuredOrigin()).toString();
  await queueLetter(tx, to.address, (utilityName) => render({ ...step.letter, utilityName, link }), to.dedupeKey);
}
