import 'server-only';
import type { z } from 'zod';
import { fail, type ActionResult } from '@/lib/actions/result';
import type { FormAction } from '@/lib/actions/result';
import { userAction } from '@/lib/actions/validated';
import { type CompanyMember, companyMemberOf } from './access';
import { type CompanyCapability, companyRoleCan } from './roles';

const ROLE_REFUSED = 'Это действие недоступно для вашей роли в организации. Обратитесь к владельцу кабинета.';

/**
 * userAction at the company door (session, zod, ownership of a named `accountId` through the
 * company) plus the company role this part of the cabinet requires, all before `run`.
 */
export function companyAction<S extends z.ZodType, T extends object>(
  capability: CompanyCapability,
  schema: S,
  run: (input: z.output<S>, member: CompanyMember, formData: FormData) => Promise<ActionResult<T>>,
): FormAction<T> {
  return userAction('company', schema, async (input, user, formData) => {
    const member = companyMemberOf(user);
    if (!member || !companyRoleCan(member.role, capability)) return fail(ROLE_REFUSED);
    return run(input, member, formData);
  });
}
