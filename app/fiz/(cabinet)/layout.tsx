import type { ReactNode } from 'react';
import { CabinetNav } from '@/components/cabinet/cabinet-nav';
import { canUseDoor, currentUser } from '@/lib/auth/session';

// The layout only draws the frame; every page and action under it checks the session itself,
// because layouts do not re-run on client navigation.
export default async function HouseholdCabinetLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // Without a session the page itself redirects to the login page (with the way back).
  if (!user || !canUseDoor(user, 'household')) return children;
  return (
    <>
      <CabinetNav
        door="household"
        userName={user.fullName}
        items={[
          { href: '/fiz', label: 'Главная' },
          { href: '/fiz/readings', label: 'Показания' },
          { href: '/fiz/readings/history', label: 'История' },
          { href: '/fiz/meters', label: 'Счётчики' },
          { href: '/fiz/bills', label: 'Счета' },
          { href: '/fiz/payments', label: 'Оплата' },
          { href: '/fiz/payments/history', label: 'Платежи' },
          { href: '/fiz/payments/not-credited', label: 'Платёж не зачислен' },
          { href: '/fiz/services', label: 'Услуги' },
          { href: '/fiz/connection', label: 'Присоединение' },
          { href: '/fiz/appeals', label: 'Обращения' },
          { href: '/fiz/notifications', label: 'Уведомления' },
          { href: '/fiz/profile', label: 'Профиль' },
        ]}
      />
      {children}
    </>
  );
}
