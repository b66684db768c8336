import type { Metadata } from 'next';
import { AcceptInviteForm } from '@/components/company/member-forms';
import { PageTitle } from '@/components/page-title';
import { invitationFor } from '@/lib/company/members';
import { companyRoleLabels } from '@/lib/company/roles';
import { acceptInvite } from '../actions';

export const metadata: Metadata = { title: 'Приглашение в кабинет организации', referrer: 'no-referrer' };

export default async function CompanyInvitePage({ searchParams }: PageProps<'/lk/invite'>) {
  const { token } = await searchParams;
  const invitation = typeof token === 'string' ? await invitationFor(token) : null;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle title="Приглашение в кабинет организации" />
      <div className="card">
        {invitation && typeof token === 'string' ? (
          <>
            <p className="mb-4">
              {invitation.fullName}, вас пригласили в кабинет <strong>{invitation.companyName}</strong> с ролью «
              {companyRoleLabels[invitation.role]}». Логин — <span className="break-all">{invitation.email}</span>.
              Задайте пароль:
            </p>
            <AcceptInviteForm action={acceptInvite} token={token} />
          </>
        ) : (
          <p role="alert">
            Ссылка устарела или уже использована. Попросите владельца кабинета организации пригласить вас снова — новая
            ссылка действует 3 суток.
          </p>
        )}
      </div>
    </div>
  );
}
