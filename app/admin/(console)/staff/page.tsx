import type { Metadata } from 'next';
import { CreateStaffForm, ResetStaffForm } from '@/components/auth/staff-forms';
import { PageTitle } from '@/components/page-title';
import { requireAdmin } from '@/lib/auth/session';
import { listStaff } from '@/lib/auth/staff-accounts';
import { createStaffAction, resetStaffAction } from './actions';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const metadata: Metadata = { title: 'Сотрудники', robots: { index: false } };

const roleLabels = { operator: 'оператор', admin: 'администратор' } as const;

export default async function StaffAccountsPage() {
  const admin = await requireAdmin('/admin/staff');
  const staff = await listStaff();
  return (
    <>
      <PageTitle
        title="Сотрудники"
        lead="Учётные записи консоли. Восстановить вход сотрудник может только через администратора."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <section className="card min-w-0" aria-labelledby="staff-list">
          <h2 id="staff-list" className="mb-3">
            Все сотрудники
          </h2>
          <ScrollRegion label="Таблица сотрудников">
            <table className="table-base min-w-[40rem]" data-testid="staff">
              <thead>
                <tr>
                  <th scope="col">Сотрудник</th>
                  <th scope="col">Роль</th>
                  <th scope="col">Второй фактор</th>
                  <th scope="col">Действия</th>
                </tr>
              </thead>
              <tbody>
                {staff.map((s) => (
                  <tr key={s.id} data-testid="staff-row" data-email={s.email}>
                    <td>
                      {s.fullName}
                      <span className="block text-sm text-slate-500">{s.email}</span>
                    </td>
                    <td>{roleLabels[s.role]}</td>
                    <td>
                      {s.hasSecondFactor
                        ? `подключён, кодов восстановления: ${s.recoveryCodesLeft}`
                        : 'не подключён (подключит при входе)'}
                    </td>
                    <td>
                      {s.id === admin.id ? (
                        <span className="text-sm text-slate-500">это вы</span>
                      ) : (
                        <ResetStaffForm action={resetStaffAction} userId={s.id} name={s.fullName} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
        <section className="card" aria-labelledby="new-staff">
          <h2 id="new-staff" className="mb-3">
            Новый сотрудник
          </h2>
          <CreateStaffForm action={createStaffAction} />
        </section>
      </div>
    </>
  );
}
