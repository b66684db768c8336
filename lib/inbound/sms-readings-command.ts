import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts, accountUsers } from '@/db/schema';
import { readingsFromReply } from './reply-readings';
import type { SmsCommand } from './sms-commands';

// «ПОКАЗАНИЯ 12345» (or «ПОКАЗАНИЯ день 12345 ночь 6789»): the readings of the sender's account.
// With several accounts the message starts with the account's number: «ПОКАЗАНИЯ 50010001 12345».

export const readingsCommand: SmsCommand = {
  words: ['ПОКАЗАНИЯ', 'ПОКАЗАНИЕ'],
  usage:
    'Чтобы передать показания, отправьте: ПОКАЗАНИЯ 12345 (для двухзонного счётчика: ПОКАЗАНИЯ день 12345 ночь 6789).',
  async run({ sender, args, now }) {
    const own = await db()
      .select({ id: accounts.id, number: accounts.number })
      .from(accountUsers)
      .innerJoin(accounts, and(eq(accounts.id, accountUsers.accountId), eq(accounts.status, 'active')))
      .where(eq(accountUsers.userId, sender.userId))
      .orderBy(asc(accounts.number));
    const [first, ...rest] = args.split(/\s+/);
    const named = own.find((a) => a.number === first);
    const account = named ?? (own.length === 1 ? own[0] : undefined);
    if (!account) {
      return {
        answer:
          own.length === 0
            ? 'К вашему кабинету не привязан лицевой счёт, поэтому показания не приняты.'
            : `У вас несколько лицевых счетов: укажите номер, например «ПОКАЗАНИЯ ${own[0]!.number} 12345».`,
        outcome: 'readings_refused',
      };
    }
    const result = await readingsFromReply({
      userId: sender.userId,
      accountId: account.id,
      text: named ? rest.join(' ') : args,
      now,
    });
    return {
      answer: `Лицевой счёт ${account.number}. ${result.answer}`,
      outcome: result.accepted ? 'readings_accepted' : 'readings_refused',
      accountId: account.id,
    };
  },
};
