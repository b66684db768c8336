import type { Metadata } from 'next';
import { PageTitle } from '@/components/page-title';
import { listMyAccounts } from '@/lib/accounts/list';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Кабинет юридического лица' };

export default async function CompanyHomePage() {
  const user = await requireUser('company', '/lk');
  const accounts = await listMyAccounts(user);
  return (
    <>
      <PageTitle title="Кабинет юридического лица" lead={user.fullName} />
      <div className="card overflow-x-auto">
        <table className="table-base">
          <caption className="sr-only">Лицевые счета организации</caption>
          <thead>
            <tr>
              <th scope="col">Лицевой счёт</th>
              <th scope="col">Договор</th>
              <th scope="col">Объект</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td className="tabular-nums" data-testid="account-number">
                  {a.number}
                </td>
                <td>{a.contractNumber}</td>
                <td>{a.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
