// Demo paid-service requests in every status, so the cabinets and the staff queue show a life:
// a request waiting for the staff price, one priced and waiting for the customer, one paid and
// scheduled, one done (its act can be downloaded), one cancelled. Paid ones carry their paid
// payment of type «services» (never an electricity ledger entry).
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../client';
import {
  accounts,
  accountUsers,
  payments,
  serviceCatalog,
  serviceRequestEvents,
  serviceRequests,
  users,
} from '../schema';

const day = 86_400_000;

export async function seedServiceRequests(tx: Tx, now: Date): Promise<void> {
  const catalog = new Map((await tx.select().from(serviceCatalog)).map((s) => [s.code, s]));
  const people = await tx
    .select({ userId: users.id, email: users.email, accountId: accounts.id, number: accounts.number, a: accounts })
    .from(users)
    .innerJoin(accountUsers, eq(accountUsers.userId, users.id))
    .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
    .where(inArray(users.email, ['ivanova@example.com', 'petrov@example.com', 'sidorova@example.com']));
  const company = await tx
    .select({ userId: users.id, accountId: accounts.id, a: accounts })
    .from(users)
    .innerJoin(accounts, eq(accounts.companyId, users.companyId!))
    .where(eq(users.email, 'company@example.com'))
    .limit(1);
  const who = (email: string) => people.find((p) => p.email === email)!;
  const address = (a: typeof accounts.$inferSelect) =>
    [a.settlement, a.street, `д. ${a.house}`, a.flat ? `кв. ${a.flat}` : null].filter(Boolean).join(', ');
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * day - hours * 3_600_000);

  type Plan = {
    userId: string;
    account: typeof accounts.$inferSelect;
    code: string;
    quantity: number;
    status: 'new' | 'price_confirmed' | 'scheduled' | 'done' | 'cancelled';
    createdDaysAgo: number;
    comment: string;
    price?: number;
    reason?: string;
  };
  const plans: Plan[] = [
    {
      ...pick(who('petrov@example.com')),
      code: 'PANEL-ASSEMBLY',
      quantity: 1,
      status: 'new',
      createdDaysAgo: 1,
      comment: 'Старый щит на даче, хотим заменить на новый с УЗО.',
    },
    {
      ...pick(who('sidorova@example.com')),
      code: 'EM-FAULT',
      quantity: 1,
      status: 'price_confirmed',
      createdDaysAgo: 4,
      comment: 'Не работают розетки в двух комнатах.',
      price: 3200_00,
      reason: 'Диагностика показала обрыв в распределительной коробке: замена коробки и 6 м кабеля.',
    },
    {
      ...pick(who('ivanova@example.com')),
      code: 'METER-SEAL',
      quantity: 1,
      status: 'scheduled',
      createdDaysAgo: 6,
      comment: 'Счётчик после поверки, нужна пломба.',
    },
    {
      ...pick(who('sidorova@example.com')),
      code: 'EM-SOCKET',
      quantity: 2,
      status: 'done',
      createdDaysAgo: 20,
      comment: 'Заменить две розетки на кухне.',
    },
    ...(company[0]
      ? [
          {
            userId: company[0].userId,
            account: company[0].a,
            code: 'EM-BREAKER',
            quantity: 4,
            status: 'cancelled' as const,
            createdDaysAgo: 9,
            comment: 'Замена автоматов в щите склада.',
          },
          {
            userId: company[0].userId,
            account: company[0].a,
            code: 'PANEL-RESTORE',
            quantity: 1,
            status: 'new' as const,
            createdDaysAgo: 2,
            comment: 'После залива щит на складе не включается.',
          },
        ]
      : []),
  ];

  for (const plan of plans) {
    const service = catalog.get(plan.code);
    if (!service) continue;
    const created = ago(plan.createdDaysAgo);
    const price = plan.price ?? (service.priceIsFrom ? null : service.priceKopecks * plan.quantity);
    const paid = plan.status === 'scheduled' || plan.status === 'done';
    const events: { kind: string; note: string | null; at: Date }[] = [{ kind: 'new', note: null, at: created }];
    if (price !== null && plan.status !== 'new') {
      events.push({ kind: 'price_confirmed', note: plan.reason ?? null, at: ago(plan.createdDaysAgo, -2) });
    }
    const [request] = await tx
      .insert(serviceRequests)
      .values({
        userId: plan.userId,
        accountId: plan.account.id,
        serviceId: service.id,
        quantity: plan.quantity,
        address: address(plan.account),
        comment: plan.comment,
        contactPhone: '+79161234567',
        preferredWindow: 'morning',
        status: paid ? 'price_confirmed' : plan.status,
        priceKopecks: plan.status === 'new' || (plan.status === 'cancelled' && price === null) ? null : price,
        priceReason: plan.reason ?? null,
        priceAcceptedAt: paid || (plan.status === 'cancelled' && price !== null) ? ago(plan.createdDaysAgo, -3) : null,
        cancelledBy: plan.status === 'cancelled' ? 'customer' : null,
        cancelReason: plan.status === 'cancelled' ? 'Сделали своими силами' : null,
        createdAt: created,
        updatedAt: created,
      })
      .returning();
    if (!request) continue;
    if (paid && price !== null) {
      const paidAt = ago(plan.createdDaysAgo - 1);
      const [payment] = await tx
        .insert(payments)
        .values({
          accountId: plan.account.id,
          userId: plan.userId,
          purpose: 'services',
          serviceRequestId: request.id,
          amountKopecks: price,
          status: 'paid',
          gateway: 'sandbox',
          description: `Оплата платных услуг по заявке № ${request.number}`,
          cardMask: '411111******1111',
          paymentMethod: 'BankCard',
          gatewayReference: `seed-service-${request.number}`,
          paidAt,
          createdAt: paidAt,
          updatedAt: paidAt,
        })
        .returning({ id: payments.id, invId: payments.invId });
      events.push({ kind: 'price_accepted', note: null, at: ago(plan.createdDaysAgo, -3) });
      events.push({ kind: 'paid', note: `Платёж № ${payment!.invId}`, at: paidAt });
      const visit =
        plan.status === 'done' ? ago(plan.createdDaysAgo - 3) : new Date(now.getTime() + 2 * day + 7 * 3_600_000);
      const crew = 'Бригада № 1: Кузнецов, Орлов';
      events.push({ kind: 'scheduled', note: crew, at: ago(plan.createdDaysAgo - 2) });
      const doneAt = plan.status === 'done' ? ago(plan.createdDaysAgo - 3, -3) : null;
      if (doneAt) events.push({ kind: 'done', note: 'Работы выполнены', at: doneAt });
      // Moved along the machine (the trigger checks each step), as the real flow would.
      await tx
        .update(serviceRequests)
        .set({ status: 'paid', paidAt, paidPaymentId: payment!.id })
        .where(eq(serviceRequests.id, request.id));
      await tx
        .update(serviceRequests)
        .set({ status: 'scheduled', scheduledAt: visit, crew })
        .where(eq(serviceRequests.id, request.id));
      if (doneAt) {
        await tx
          .update(serviceRequests)
          .set({ status: 'done', doneAt, staffComment: 'Заменены 2 розетки, проверена затяжка контактов' })
          .where(eq(serviceRequests.id, request.id));
      }
    }
    if (plan.status === 'cancelled') events.push({ kind: 'cancelled', note: 'Сделали своими силами', at: ago(7) });
    await tx
      .insert(serviceRequestEvents)
      .values(events.map((e) => ({ ...e, requestId: request.id, actorUserId: null })));
  }
}

function pick(p: { userId: string; a: typeof accounts.$inferSelect }) {
  return { userId: p.userId, account: p.a };
}
