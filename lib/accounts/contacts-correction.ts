import 'server-only';
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { audit } from '@/lib/security/audit';
import type { accountContactsSchema } from './registry-schemas';
import { ACCOUNT_GONE, isStaff, lockAccount, NOT_STAFF, type StaffWriteContext } from './staff-write';

/** Staff correct the account's phone and e-mail; the audit line keeps what they were. */
export async function correctAccountContacts(
  staff: SessionUser,
  input: z.output<typeof accountContactsSchema>,
  ctx: StaffWriteContext,
): Promise<ActionResult> {
  if (!isStaff(staff)) return fail(NOT_STAFF);
  return db().transaction(async (tx) => {
    const account = await lockAccount(tx, input.account);
    if (!account) return fail(ACCOUNT_GONE);
    const phone = input.phone ?? null;
    const email = input.email ?? null;
    if (account.phone === phone && account.email === email) return fail('Контакты не изменились');
    await tx.update(accounts).set({ phone, email }).where(eq(accounts.id, account.id));
    await audit(
      {
        action: 'account.contacts_corrected',
        actorUserId: staff.id,
        subjectType: 'account',
        subjectId: account.id,
        ip: ctx.ip,
        details: {
          accountNumber: account.number,
          before: { phone: account.phone, email: account.email },
          after: { phone, email },
        },
      },
      tx,
    );
    return succeed({ message: 'Контакты лицевого счёта сохранены' });
  });
}
