import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, accountUsers, debtNotices, users, utilityProfile } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { accessibleAccountIds, type SessionUser } from '@/lib/auth/session';
import { enqueueEmail } from '@/lib/email/outbox';
import { kickNotifications, notify } from '@/lib/notifications/dispatch';
import { renderDebtNotice } from '@/lib/email/templates';
import { readStoredFile, saveUpload, type StoredFile } from '@/lib/files/stored-files';
import { formatDate, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { configuredOrigin } from '@/lib/http/app-url';
import { audit } from '@/lib/security/audit';
import { isUuid } from '@/lib/validation/ids';
import { debtorOf } from './debtors';
import { noticeFileName, renderNoticePdf } from './notice-pdf';
import type { DebtNoticeKind } from '@/db/enums';

// The debt notice of ПП РФ № 354, п. 119: generated as a PDF from the account's debt on the day,
// stored, recorded on the account and announced by e-mail with a link to the cabinet, where the
// subscriber downloads it (the outbox carries no attachments). Delivery is the day the letter goes
// out through the cabinet and e-mail; the debt is to be paid within 20 days of it.

const NOTICE_FILE_PURPOSE = 'debt_notice';
const PAY_WITHIN_DAYS = 20;

/** `YYYY-MM-DD` plus whole days. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function sendDebtNotice(
  staff: SessionUser,
  accountId: string,
  now: Date = new Date(),
  ip: string | null = null,
): Promise<ActionResult<{ noticeId: string; kind: DebtNoticeKind; payBy: string }>> {
  if (!isUuid(accountId)) return fail('Лицевой счёт не найден — обновите страницу.');
  const today = moscowDay(now);
  const debtor = await debtorOf(accountId, today);
  if (!debtor) return fail('У этого лицевого счёта нет просроченной задолженности — уведомление не нужно.');
  if (debtor.kind !== 'household' || debtor.thresholdKopecks === null) {
    return fail('Уведомление по ПП № 354 направляется только абонентам — физическим лицам.');
  }
  const [recipient] = await db()
    .select({ id: users.id, email: users.email, fullName: users.fullName })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.isOwner, true), eq(users.status, 'active')));
  if (!recipient) {
    return fail(
      'У абонента нет личного кабинета с подтверждённым e-mail: вручите уведомление лично или заказным письмом.',
    );
  }
  const [utility] = await db().select().from(utilityProfile).where(eq(utilityProfile.id, 1));
  if (!utility) return fail('Не заполнены реквизиты организации — уведомление не сформировано.');
  const kind: DebtNoticeKind = debtor.overdueKopecks > debtor.thresholdKopecks ? 'warning' : 'reminder';
  const payBy = addDays(today, PAY_WITHIN_DAYS);
  const pdf = await renderNoticePdf(
    { kind, debtor, deliveredOn: today, payBy, thresholdKopecks: debtor.thresholdKopecks, utility },
    now,
  );

  const result = await db().transaction(async (tx) => {
    // Locks the account row: two clicks at once cannot both pass the «already today» check.
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
    const [sameDay] = await tx
      .select({ id: debtNotices.id })
      .from(debtNotices)
      .where(and(eq(debtNotices.accountId, accountId), eq(debtNotices.deliveredOn, today)));
    if (sameDay) return fail('Этому абоненту уже направлено уведомление сегодня.');
    const fileId = await saveUpload(
      tx,
      { type: 'application/pdf', bytes: new Uint8Array(pdf), name: noticeFileName(debtor.number, today) },
      { purpose: NOTICE_FILE_PURPOSE, uploadedBy: staff.id },
    );
    const [notice] = await tx
      .insert(debtNotices)
      .values({
        accountId,
        kind,
        debtKopecks: debtor.overdueKopecks,
        thresholdKopecks: debtor.thresholdKopecks!,
        deliveredOn: today,
        payBy,
        emailTo: recipient.email,
        fileId,
        createdBy: staff.id,
      })
      .returning({ id: debtNotices.id });
    await enqueueEmail(tx, {
      to: recipient.email,
      dedupeKey: `debt-notice:${notice!.id}`,
      ...renderDebtNotice({
        utilityName: utility.shortName,
        fullName: recipient.fullName,
        accountNumber: debtor.number,
        debt: formatRub(debtor.overdueKopecks),
        payBy: formatDate(payBy),
        warning: kind === 'warning',
        link: `${configuredOrigin()}/fiz`,
      }),
    });
    // The letter above is the legal notice (always sent); an SMS that it is in the cabinet, for
    // those who asked for one, through the dispatcher.
    await notify(tx, 'debt_notice', [recipient.id], {
      key: notice!.id,
      channels: ['sms'],
      now,
      render: (_person, utilityName) => ({
        title: `Уведомление о задолженности по лицевому счёту ${debtor.number}`,
        sms: `${utilityName}: задолженность по лицевому счёту ${debtor.number} — ${formatRub(debtor.overdueKopecks)}, оплатите до ${formatDate(payBy)}. Уведомление — в личном кабинете.`,
      }),
    });
    await audit(
      {
        action: 'debt_notice.sent',
        actorUserId: staff.id,
        subjectType: 'account',
        subjectId: accountId,
        ip,
        details: { noticeId: notice!.id, kind, debtKopecks: debtor.overdueKopecks, payBy, accountId },
      },
      tx,
    );
    return succeed({ noticeId: notice!.id, kind, payBy });
  });
  if (result.ok) kickNotifications();
  return result;
}

export interface NoticeSummary {
  id: string;
  accountId: string;
  accountNumber: string;
  kind: DebtNoticeKind;
  debtKopecks: number;
  deliveredOn: string;
  payBy: string;
  emailTo: string;
  createdAt: Date;
}

async function noticesWhere(accountIds: string[]): Promise<NoticeSummary[]> {
  if (accountIds.length === 0) return [];
  return db()
    .select({
      id: debtNotices.id,
      accountId: debtNotices.accountId,
      accountNumber: accounts.number,
      kind: debtNotices.kind,
      debtKopecks: debtNotices.debtKopecks,
      deliveredOn: debtNotices.deliveredOn,
      payBy: debtNotices.payBy,
      emailTo: debtNotices.emailTo,
      createdAt: debtNotices.createdAt,
    })
    .from(debtNotices)
    .innerJoin(accounts, eq(accounts.id, debtNotices.accountId))
    .where(inArray(debtNotices.accountId, accountIds))
    .orderBy(desc(debtNotices.createdAt));
}

/** The notices on the accounts a subscriber may see, newest first; nobody else's. */
export async function noticesForUser(user: SessionUser): Promise<NoticeSummary[]> {
  return noticesWhere(await accessibleAccountIds(user));
}

/**
 * A notice's PDF: for staff any, for a subscriber only one on their own account; otherwise null
 * (the route answers 404 either way, so nobody learns which notices exist).
 */
export async function noticeFile(user: SessionUser, noticeId: string, staff: boolean): Promise<StoredFile | null> {
  if (!isUuid(noticeId)) return null;
  const [notice] = await db()
    .select({ accountId: debtNotices.accountId, fileId: debtNotices.fileId })
    .from(debtNotices)
    .where(eq(debtNotices.id, noticeId));
  if (!notice) return null;
  if (!staff && !(await accessibleAccountIds(user)).includes(notice.accountId)) return null;
  return readStoredFile(notice.fileId, NOTICE_FILE_PURPOSE);
}
