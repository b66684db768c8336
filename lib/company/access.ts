import 'server-only';
import { requireUser, type SessionUser } from '@/lib/auth/session';
import { type CompanyCapability, type CompanyRole, companyRoleCan } from './roles';

/** A signed-in company user with the company and role read from the database on this request. */
export interface CompanyMember {
  user: SessionUser;
  companyId: string;
  role: CompanyRole;
}

export function companyMemberOf(user: SessionUser): CompanyMember | null {
  if (user.role !== 'company_user' || !user.companyId || !user.companyRole) return null;
  return { user, companyId: user.companyId, role: user.companyRole };
}

export type CompanyPageAccess = { allowed: true; member: CompanyMember } | { allowed: false; member: CompanyMember };

/**
 * For pages: the company user (or a redirect to /lk/login), and whether their role opens this part
 * of the cabinet. A page whose part is closed renders the refusal, it does not redirect: the person
 * should learn why, and whom to ask.
 */
export async function requireCompanyPage(capability: CompanyCapability, returnTo: string): Promise<CompanyPageAccess> {
  const user = await requireUser('company', returnTo);
  const member = companyMemberOf(user);
  if (!member) {
    // A company user without a company cannot exist (a database check); treat it as no access.
    return { allowed: false, member: { user, companyId: '', role: 'engineer' } };
  }
  return { allowed: companyRoleCan(member.role, capability), member };
}
