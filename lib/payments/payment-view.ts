import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, payments } from '@/db/schema';
import { isUuid } from '@/lib/validation/ids';

// One payment as its own pages show it (the hand-over to the gateway, the status page).

export interface PaymentView {
  id: string;
  invId: number;
  status: (typeof payments.$inferSelect)['status'];
  amountKopecks: number;
  accountId: string;
  accountNumber: string;
  description: string;
  receiptEmail: string | null;
  requestsBinding: boolean;
  gateway: string;
  purpose: (typeof payments.$inferSelect)['purpose'];
  userId: string | null;
  serviceRequestId: string | null;
  createdAt: Date;
}

async function paymentWhere(condition: ReturnType<typeof eq>): Promise<PaymentView | null> {
  const [row] = await db()
    .select({
      id: payments.id,
      invId: payments.invId,
      status: payments.status,
      amountKopecks: payments.amountKopecks,
      accountId: payments.accountId,
      accountNumber: accounts.number,
      description: payments.description,
      receiptEmail: payments.receiptEmail,
      requestsBinding: payments.requestsBinding,
      gateway: payments.gateway,
      purpose: payments.purpose,
      userId: payments.userId,
      serviceRequestId: payments.serviceRequestId,
      createdAt: payments.createdAt,
    })
    .from(payments)
    .innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(condition);
  return row ?? null;
}

export function paymentById(id: string): Promise<PaymentView | null> {
  return isUuid(id) ? paymentWhere(eq(payments.id, id)) : Promise.resolve(null);
}

export function paymentByInvId(invId: number): Promise<PaymentView | null> {
  return Number.isInteger(invId) && invId > 0 && invId <= 2_147_483_647
    ? paymentWhere(eq(payments.invId, invId))
    : Promise.resolve(null);
}
