import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { countPendingRegistrations } from '@/lib/auth/approval';
import { requireUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Консоль сотрудника', robots: { index: false } };

export default async function StaffHomePage() {
  await requireUser('staff', '/admin');
  const pending = await countPendingRegistrations();
  return (
    <>
      <PageTitle title="Консоль сотрудника" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Link href="/admin/registrations" className="card block text-slate-900 hover:no-underline hover:shadow-md">
          <p className="text-sm text-slate-500">Заявки на регистрацию</p>
          <p className="text-3xl font-bold tabular-nums">{pending}</p>
          <p className="mt-1 text-sm text-slate-600">ждут решения (обещаем до двух суток)</p>
        </Link>
      </div>
    </>
  );
}
