import 'server-only';
import type { z } from 'zod';
import { desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accountNotes, users } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { audit } from '@/lib/security/audit';
import type { accountNoteSchema } from './registry-schemas';
import { ACCOUNT_GONE, isStaff, lockAccount, NOT_STAFF, type StaffWriteContext } from './staff-write';

// Staff notes on an account («звонил, обещал оплатить до 15-го»): added, listed, never edited.

export async function addAccountNote(
  staff: SessionUser,
  input: z.output<typeof accountNoteSchema>,
  ctx: StaffWriteContext,
): Promise<ActionResult> {
  if (!isStaff(staff)) return fail(NOT_STAFF);
  return db().transaction(async (tx) => {
    const account = await lockAccount(tx, input.account);
    if (!account) return fail(ACCOUNT_GONE);
    const [note] = await tx
      .insert(accountNotes)
      .values({ accountId: account.id, authorId: staff.id, body: input.body, createdAt: ctx.now ?? new Date() })
      .returning({ id: accountNotes.id });
    await audit(
      {
        action: 'account.note_added',
        actorUserId: staff.id,
        subjectType: 'account',
        subjectId: account.id,
        ip: ctx.ip,
        details: { accountNumber: account.number, noteId: note!.id },
      },
      tx,
    );
    return succeed({ message: 'Заметка добавлена' });
  });
}

export interface AccountNote {
  id: string;
  body: string;
  createdAt: Date;
  authorName: string | null;
}

export async function listAccountNotes(accountId: string): Promise<AccountNote[]> {
  return db()
    .select({
      id: accountNotes.id,
      body: accountNotes.body,
      createdAt: accountNotes.createdAt,
      authorName: users.fullName,
    })
    .from(accountNotes)
    .leftJoin(users, eq(users.id, accountNotes.authorId))
    .where(eq(accountNotes.accountId, accountId))
    .orderBy(desc(accountNotes.createdAt), desc(accountNotes.id));
}
