import type { ReactNode } from 'react';
import { CabinetNav } from '@/components/cabinet/cabinet-nav';
import { canUseDoor, currentUser } from '@/lib/auth/session';

export default async function StaffConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // Without a session the page itself redirects to the login page (with the way back).
  if (!user || !canUseDoor(user, 'staff')) return children;
  return (
    <>
      <CabinetNav
        door="staff"
        userName={user.fullName}
        items={[
          { href: '/admin', label: 'Консоль' },
          { href: '/admin/accounts', label: 'Лицевые счета' },
          { href: '/admin/registrations', label: 'Заявки на регистрацию' },
          { href: '/admin/meters', label: 'Счётчики' },
          { href: '/admin/readings', label: 'Показания' },
          { href: '/admin/billing', label: 'Начисления' },
          { href: '/admin/payments', label: 'Платежи' },
          { href: '/admin/services', label: 'Платные услуги' },
          { href: '/admin/applications', label: 'Заявки на договор' },
          { href: '/admin/connection', label: 'Присоединение' },
          ...(user.role === 'admin' ? [{ href: '/admin/staff', label: 'Сотрудники' }] : []),
          { href: '/admin/news', label: 'Новости' },
          { href: '/admin/outages', label: 'Отключения' },
          { href: '/admin/tariffs', label: 'Тарифы' },
          { href: '/admin/key-rates', label: 'Ключевая ставка' },
          { href: '/admin/documents', label: 'Документы' },
          { href: '/admin/support', label: 'Обращения' },
          { href: '/admin/support/articles', label: 'Справка' },
          { href: '/admin/debtors', label: 'Должники' },
          { href: '/admin/benefits', label: 'Льготники' },
          { href: '/admin/jobs', label: 'Фоновые задания' },
          { href: '/admin/audit', label: 'Журнал' },
        ]}
      />
      {children}
    </>
  );
}
