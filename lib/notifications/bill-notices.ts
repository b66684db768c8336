import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, billLines, bills } from '@/db/schema';
import { renderBillIssued, renderMonthEstimated } from '@/lib/email/templates';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { configuredOrigin } from '@/lib/http/app-url';
import { kickNotifications, notify } from './dispatch';
import { peopleByAccount } from './recipients';

export const BILL_NOTICES_QUEUE = 'bill-notices';

export interface BillNoticesJob {
  period: string;
}

// Accounts per transaction: a utility's whole period is many thousands of bills.
const CHUNK = 200;

export interface BillNoticesResult {
  bills: number;
  estimated: number;
}

/**
 * After a billing run: the people of every account billed for the period are told of the bill
 * («bill issued») and, when a register had no reading, that the month was estimated. The key is the
 * account and the period, so a second run of this job (a retry, a resumed billing run, two
 * instances) queues nothing again: the notifications' unique dedupe key refuses it.
 */
async function notifyBillsOfPeriod(period: string, options: { now?: Date } = {}): Promise<BillNoticesResult> {
  const now = options.now ?? new Date();
  const issued = await db()
    .select({
      accountId: bills.accountId,
      accountNumber: accounts.number,
      kind: accounts.kind,
      amountKopecks: bills.amountKopecks,
      dueDate: bills.dueDate,
      byNorm: sql<boolean>`coalesce(bool_or(${billLines.method} = 'norm'), false)`,
      estimated: sql<boolean>`coalesce(bool_or(${billLines.method} in ('average', 'norm')), false)`,
    })
    .from(bills)
    .innerJoin(accounts, eq(accounts.id, bills.accountId))
    .leftJoin(billLines, and(eq(billLines.billId, bills.id), eq(billLines.kind, 'consumption')))
    .where(eq(bills.period, period))
    .groupBy(bills.id, accounts.id)
    .orderBy(accounts.number);
  const periodLabel = formatPeriod(period);
  const origin = configuredOrigin();
  const result: BillNoticesResult = { bills: 0, estimated: 0 };
  for (let i = 0; i < issued.length; i += CHUNK) {
    const chunk = issued.slice(i, i + CHUNK);
    await db().transaction(async (tx) => {
      const people = await peopleByAccount(
        tx,
        chunk.map((b) => b.accountId),
      );
      for (const bill of chunk) {
        const userIds = people.get(bill.accountId) ?? [];
        const cabinet = `${origin}/${bill.kind === 'company' ? 'lk' : 'fiz'}`;
        const key = `${bill.accountId}:${period}`;
        const amount = formatRub(bill.amountKopecks);
        const dueDate = formatDate(bill.dueDate);
        const sent = await notify(tx, 'bill_issued', userIds, {
          key,
          now,
          render: (person, utilityName) => ({
            email: renderBillIssued({
              utilityName,
              fullName: person.fullName,
              accountNumber: bill.accountNumber,
              periodLabel,
              amount,
              dueDate,
              link: `${cabinet}/bills`,
            }),
            sms: `${utilityName}: счёт за ${periodLabel} по л/с ${bill.accountNumber} — ${amount}, оплатить до ${dueDate}.`,
          }),
        });
        result.bills += sent.email + sent.sms + sent.push;
        if (!bill.estimated) continue;
        const basis = bill.byNorm ? 'по нормативу' : 'по среднему';
        const told = await notify(tx, 'month_estimated', userIds, {
          key,
          now,
          render: (person, utilityName) => ({
            email: renderMonthEstimated({
              utilityName,
              fullName: person.fullName,
              accountNumber: bill.accountNumber,
              periodLabel,
              byNorm: bill.byNorm,
              link: `${cabinet}/readings`,
            }),
            sms: `${utilityName}: за ${periodLabel} по л/с ${bill.accountNumber} нет показаний, начислено ${basis}. Передайте показания в личном кабинете.`,
          }),
        });
        result.estimated += told.email + told.sms + told.push;
      }
    });
  }
  if (result.bills > 0 || result.estimated > 0) kickNotifications();
  return result;
}

/** The job's handler: its data is the period. */
export function billNoticesJob(data: object): Promise<BillNoticesResult> {
  const { period } = data as Partial<BillNoticesJob>;
  if (typeof period !== 'string') throw new Error('bill-notices job without a period');
  return notifyBillsOfPeriod(period);
}
