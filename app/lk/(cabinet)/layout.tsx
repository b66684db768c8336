import type { ReactNode } from 'react';
import { CabinetNav, type NavItem } from '@/components/cabinet/cabinet-nav';
import { canUseDoor, currentUser } from '@/lib/auth/session';
import { companyMemberOf } from '@/lib/company/access';
import { type CompanyCapability, companyRoleCan } from '@/lib/company/roles';

const sections: (NavItem & { capability: CompanyCapability })[] = [
  { href: '/lk', label: 'Обзор', capability: 'overview' },
  { href: '/lk/bills', label: 'Счета и документы', capability: 'bills' },
  { href: '/lk/reconciliation', label: 'Акт сверки', capability: 'reconciliation' },
  { href: '/lk/readings', label: 'Показания', capability: 'readings' },
  { href: '/lk/services', label: 'Услуги', capability: 'overview' },
  { href: '/lk/payments', label: 'Оплата', capability: 'payments' },
  { href: '/lk/applications', label: 'Заявки на договор', capability: 'applications' },
  { href: '/lk/info', label: 'Информация', capability: 'overview' },
  { href: '/lk/appeals', label: 'Обращения', capability: 'overview' },
  { href: '/lk/notifications', label: 'Уведомления', capability: 'overview' },
  { href: '/lk/connection', label: 'Присоединение', capability: 'connection' },
  { href: '/lk/users', label: 'Пользователи', capability: 'users' },
];

export default async function CompanyCabinetLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // Without a session the page itself redirects to the login page (with the way back).
  if (!user || !canUseDoor(user, 'company')) return children;
  const role = companyMemberOf(user)?.role;
  // The menu only hides what the role cannot open; every page and action checks the role itself.
  const items = sections.filter((s) => companyRoleCan(role, s.capability)).map(({ href, label }) => ({ href, label }));
  return (
    <>
      <CabinetNav door="company" userName={user.fullName} items={items} />
      {children}
    </>
  );
}
