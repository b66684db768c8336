import 'server-only';
import type { z } from 'zod';
import { and, eq, ne, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { accounts } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import type { SessionUser } from '@/lib/auth/session';
import { isUniqueViolation } from '@/lib/db-errors';
import { audit } from '@/lib/security/audit';
import type { accountGisIdsSchema } from './registry-schemas';
import { ACCOUNT_GONE, isStaff, lockAccount, NOT_STAFF, type StaffWriteContext } from './staff-write';

const TAKEN = 'Этот идентификатор уже записан у другого лицевого счёта — проверьте его по ГИС ЖКХ';

/**
 * Staff record the ЕЛС and ИЖКУ that ГИС ЖКХ assigned to the account (or clear them); the audit
 * line keeps what they were. The database holds the shapes and uniqueness; here they get words.
 */
export async function setAccountGisIds(
  staff: SessionUser,
  input: z.output<typeof accountGisIdsSchema>,
  ctx: StaffWriteContext,
): Promise<ActionResult> {
  if (!isStaff(staff)) return fail(NOT_STAFF);
  const els = input.els ?? null;
  const izhku = input.izhku ?? null;
  try {
    return await db().transaction(async (tx) => {
      const account = await lockAccount(tx, input.account);
      if (!account) return fail(ACCOUNT_GONE);
      if (account.els === els && account.izhku === izhku) return fail('Идентификаторы не изменились');
      const claims = [els ? eq(accounts.els, els) : undefined, izhku ? eq(accounts.izhku, izhku) : undefined].filter(
        (c) => c !== undefined,
      );
      if (claims.length > 0) {
        const [other] = await tx
          .select({ number: accounts.number, els: accounts.els })
          .from(accounts)
          .where(and(ne(accounts.id, account.id), or(...claims)));
        if (other) {
          const message = `${other.els === els ? 'ЕЛС' : 'ИЖКУ'} уже записан у лицевого счёта ${other.number} — проверьте его по ГИС ЖКХ`;
          return fail(message, other.els === els ? { els: message } : { izhku: message });
        }
      }
      await tx.update(accounts).set({ els, izhku }).where(eq(accounts.id, account.id));
      await audit(
        {
          action: 'account.gis_ids_changed',
          actorUserId: staff.id,
          subjectType: 'account',
          subjectId: account.id,
          ip: ctx.ip,
          details: {
            accountNumber: account.number,
            before: { els: account.els, izhku: account.izhku },
            after: { els, izhku },
          },
        },
        tx,
      );
      return succeed({ message: 'Идентификаторы ГИС ЖКХ сохранены' });
    });
  } catch (error) {
    // Another account took the identifier between the check and the write.
    if (isUniqueViolation(error, 'accounts_els_key') || isUniqueViolation(error, 'accounts_izhku_key'))
      return fail(TAKEN);
    throw error;
  }
}
