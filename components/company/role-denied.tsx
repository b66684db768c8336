import { PageTitle } from '@/components/page-title';
import { companyRoleLabels, type CompanyRole } from '@/lib/company/roles';

/** What a company user sees on a part of the cabinet their role does not open. */
export function RoleDenied({ title, role }: { title: string; role: CompanyRole }) {
  return (
    <>
      <PageTitle title={title} />
      <div className="card" role="alert" data-testid="role-denied">
        <p>
          Этот раздел недоступен для роли «{companyRoleLabels[role]}». Доступ выдаёт владелец кабинета организации в
          разделе «Пользователи».
        </p>
      </div>
    </>
  );
}
