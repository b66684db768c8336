// Demo appeals, so the cabinets and the staff queue show a life: one of Petrov's past its answer
// day (the queue shows it first, highlighted), one of Ivanova's answered, and the answer templates.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { accounts, accountUsers, appealMessages, appeals, appealTemplates, users } from '../schema';
import { addWorkingDays, PLAIN_WEEK } from '../../lib/calendar/working-days';
import { moscowDay } from '../../lib/format/dates';

const DAY = 86_400_000;

export async function seedAppeals(tx: Tx, now: Date): Promise<void> {
  const people = await tx
    .select({ userId: users.id, email: users.email, accountId: accounts.id })
    .from(users)
    .innerJoin(accountUsers, eq(accountUsers.userId, users.id))
    .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
    .where(inArray(users.email, ['ivanova@example.com', 'petrov@example.com']));
  const [operator] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'operator@example.com'));
  const who = (email: string) => people.find((p) => p.email === email);
  const plans = [
    {
      person: who('petrov@example.com'),
      topic: 'billing_dispute' as const,
      daysAgo: 21,
      workingDays: 10,
      text: 'В ноябре начислили по среднему, хотя показания я передавал 20-го числа. Прошу пересчитать.',
      answer: null,
    },
    {
      person: who('ivanova@example.com'),
      topic: 'readings' as const,
      daysAgo: 6,
      workingDays: 5,
      text: 'Не получается передать показания ночной зоны: форма пишет, что значение меньше прежнего.',
      answer:
        'Проверили: в прошлом месяце показания дневной и ночной зон были переставлены местами. Исправили, передайте показания ещё раз.',
    },
  ];
  for (const p of plans) {
    if (!p.person) continue;
    const openedAt = new Date(now.getTime() - p.daysAgo * DAY);
    const [row] = await tx
      .insert(appeals)
      .values({
        number: sql`'О-' || ${moscowDay(openedAt).slice(0, 4)} || '-' || lpad(nextval('appeal_number_seq')::text, 6, '0')`,
        topic: p.topic,
        status: p.answer ? 'answered' : 'open',
        userId: p.person.userId,
        accountId: p.person.accountId,
        openedAt,
        dueOn: addWorkingDays(moscowDay(openedAt), p.workingDays, PLAIN_WEEK),
        assigneeId: p.answer ? (operator?.id ?? null) : null,
        firstAnsweredAt: p.answer ? new Date(openedAt.getTime() + 2 * DAY) : null,
        createdAt: openedAt,
        updatedAt: openedAt,
      })
      .returning({ id: appeals.id });
    await tx.insert(appealMessages).values({
      appealId: row!.id,
      author: 'appellant',
      authorUserId: p.person.userId,
      body: p.text,
      createdAt: openedAt,
    });
    if (p.answer) {
      await tx.insert(appealMessages).values({
        appealId: row!.id,
        author: 'staff',
        authorUserId: operator?.id ?? null,
        body: p.answer,
        createdAt: new Date(openedAt.getTime() + 2 * DAY),
      });
    }
  }
  await tx.insert(appealTemplates).values([
    {
      title: 'Платёж найден и зачислен',
      body: 'Здравствуйте! Ваш платёж найден и зачислен на лицевой счёт. Он отразится в следующем счёте. Спасибо, что сообщили.',
    },
    {
      title: 'Перерасчёт выполнен',
      body: 'Здравствуйте! По вашему обращению выполнен перерасчёт. Новая сумма — в личном кабинете, в разделе «Счета».',
    },
    {
      title: 'Нужны показания',
      body: 'Здравствуйте! Чтобы разобраться, пришлите, пожалуйста, фото счётчика с текущими показаниями в этом обращении.',
    },
  ]);
}
