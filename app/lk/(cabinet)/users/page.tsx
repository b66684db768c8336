import type { Metadata } from 'next';
import { InviteMemberForm, ChangeRoleForm, RemoveMemberForm } from '@/components/company/member-forms';
import { RoleDenied } from '@/components/company/role-denied';
import { PageTitle } from '@/components/page-title';
import { requireCompanyPage } from '@/lib/company/access';
import { listMembers } from '@/lib/company/members';
import { companyRoleDescriptions, companyRoleLabels, companyRoles } from '@/lib/company/roles';
import { changeRole, invite, remove } from './actions';

export const metadata: Metadata = { title: 'Пользователи организации' };

export default async function CompanyUsersPage() {
  const access = await requireCompanyPage('users', '/lk/users');
  if (!access.allowed) return <RoleDenied title="Пользователи организации" role={access.member.role} />;
  const members = await listMembers(access.member);
  return (
    <>
      <PageTitle
        title="Пользователи организации"
        lead={
          <>
            {companyRoles.map((r) => (
              <span key={r} className="mr-4 inline-block">
                <strong>{companyRoleLabels[r]}</strong>: {companyRoleDescriptions[r]}
              </span>
            ))}
          </>
        }
      />
      <section className="card mb-6" aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="mb-3">
          Пригласить сотрудника
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          Мы отправим письмо со ссылкой: по ней сотрудник задаст пароль. Ссылка действует 3 суток и срабатывает один
          раз.
        </p>
        <InviteMemberForm action={invite} />
      </section>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3">
          Кто имеет доступ
        </h2>
        <ul className="grid gap-3" data-testid="members">
          {members.map((m) => (
            <li key={m.id} className="card flex flex-wrap items-start justify-between gap-4" data-testid="member">
              <div className="min-w-0">
                <p className="font-medium">
                  {m.fullName}
                  {m.isYou ? <span className="text-slate-500"> (вы)</span> : null}
                </p>
                <p className="break-all text-sm text-slate-600">{m.email}</p>
                <p className="mt-1 text-sm">
                  <span data-testid="member-role">{companyRoleLabels[m.role]}</span>
                  {m.state === 'invited' ? (
                    <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-amber-900">
                      приглашён, пароль не задан
                    </span>
                  ) : null}
                </p>
              </div>
              <div className="flex flex-wrap items-end gap-3">
                <ChangeRoleForm action={changeRole} userId={m.id} role={m.role} name={m.fullName} />
                <RemoveMemberForm action={remove} userId={m.id} name={m.fullName} />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
