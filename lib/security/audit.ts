import 'server-only';
import { isIP } from 'node:net';
import { db, type Db, type Tx } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditAction =
  | 'login.success'
  | 'login.failure'
  | 'login.rate_limited'
  | 'logout.everywhere'
  | 'registration.submitted'
  | 'registration.email_confirmed'
  | 'registration.approved'
  | 'registration.rejected'
  | 'password.reset_requested'
  | 'password.reset_completed'
  | 'password.changed'
  | 'email.change_requested'
  | 'email.changed'
  | 'meter.requested'
  | 'meter.confirmed'
  | 'meter.replacement_confirmed'
  | 'meter.replaced'
  | 'meter.rejected'
  | 'reading.entered_by_staff'
  | 'billing.run_started'
  | 'payment.started'
  | 'payment.paid'
  | 'payment.paid_after_expiry'
  | 'job.retried'
  | 'job.run_now'
  | 'payment.notification_refused'
  | 'payment.guest_lookup'
  | 'card.bound'
  | 'card.deleted'
  | 'card.charged'
  | 'autopay.enabled'
  | 'autopay.disabled'
  | 'autopay.noticed'
  | 'autopay.charge_failed'
  // Payment by SMS (lib/payments/sms-payment.ts)
  | 'sms_payment.requested'
  | 'sms_payment.refused'
  | 'sms_payment.code_failed'
  | 'sms_payment.locked'
  | 'sms_payment.expired'
  | 'sms_payment.confirmed'
  | 'sms_payment.declined'
  | 'refund.requested'
  | 'refund.completed'
  | 'refund.failed'
  | 'refund.approval_requested'
  | 'refund.approved'
  | 'refund.declined'
  | 'logout'
  | 'staff.second_factor_enrolled'
  | 'staff.second_factor_failed'
  | 'staff.recovery_code_used'
  | 'staff.created'
  | 'staff.reset'
  | 'staff.role_changed'
  | 'staff.blocked'
  | 'staff.unblocked'
  | 'export.readings'
  | 'setup.completed'
  | 'company.user_invited'
  | 'company.invite_accepted'
  | 'company.role_changed'
  | 'company.user_removed'
  | 'company.registered'
  | 'company.email_confirmed'
  | 'application.submitted'
  | 'application.document_added'
  | 'application.status_changed'
  | 'service.ordered'
  | 'service.price_confirmed'
  | 'service.price_accepted'
  | 'service.paid'
  | 'service.payment_surplus'
  | 'service.scheduled'
  | 'service.done'
  | 'service.cancelled'
  | 'service.catalog_changed'
  | 'service.catalogue_added'
  | 'service.price_changed'
  | 'service.retired'
  | 'service.bank_payment_recorded'
  // Technological connection (lib/connection)
  | 'connection.submitted'
  | 'connection.data_requested'
  | 'connection.data_supplied'
  | 'connection.offer_posted'
  | 'connection.paid'
  | 'connection.payment_surplus'
  | 'connection.works_done'
  | 'connection.act_posted'
  | 'connection.done'
  | 'connection.cancelled'
  | 'connection.rate_added'
  // Staff publishing and the console (lib/content, lib/console)
  | 'news.saved'
  | 'news.unpublished'
  | 'outage.created'
  | 'notifications.unsubscribed'
  | 'outage.updated'
  | 'outage.resolved'
  | 'tariff.created'
  | 'key_rate.created'
  | 'penalty_relief.created'
  | 'document.published'
  | 'document.updated'
  | 'audit.exported'
  // The accounts registry's card (lib/accounts)
  | 'account.contacts_corrected'
  | 'account.gis_ids_changed'
  | 'account.terms_changed'
  | 'account.note_added'
  | 'adjustment.posted'
  | 'adjustment.approval_requested'
  | 'adjustment.approved'
  | 'adjustment.declined'
  // Debtors and beneficiaries (lib/debtors, lib/benefits)
  | 'debtors.exported'
  | 'debt_notice.sent'
  | 'benefit_category.saved'
  | 'benefit.saved'
  | 'benefit.deleted'
  | 'benefits.exported'
  // The help centre (lib/support)
  | 'help_article.saved'
  | 'appeal.filed'
  | 'appeal.confirmed'
  | 'appeal.assigned'
  | 'appeal.answered'
  | 'appeal.note_added'
  | 'appeal.closed'
  | 'appeal_template.saved'
  | 'appeal_template.deleted'
  | 'appeal_deadline.saved';

export interface AuditEntry {
  action: AuditAction;
  actorUserId?: string | null;
  subjectType?: string;
  subjectId?: string;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Security events; written inside the caller's transaction when one is given. */
export async function audit(entry: AuditEntry, executor: Db | Tx = db()): Promise<void> {
  await executor.insert(auditLog).values({
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId === undefined ? undefined : storable(entry.subjectId),
    ip: entry.ip && isIp(entry.ip) ? entry.ip : null,
    details: entry.details ? storable(entry.details) : null,
  });
}

/**
 * Audit lines quote what a request sent, and Postgres refuses U+0000 in text and in jsonb: a junk
 * parameter must not turn an audit line (and the request it records) into an error. Shown as U+FFFD.
 */
function storable<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [storable(k), storable(v)])) as T;
  }
  return value;
}

/** Only what the `inet` column accepts: a junk address must not turn an audit line into an error. */
function isIp(value: string): boolean {
  return isIP(value) !== 0;
}
