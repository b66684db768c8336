import type { ReactNode } from 'react';
import { CabinetNav } from '@/components/cabinet/cabinet-nav';
import { canUseDoor, currentUser } from '@/lib/auth/session';

export default async function CompanyCabinetLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  // Without a session the page itself redirects to the login page (with the way back).
  if (!user || !canUseDoor(user, 'company')) return children;
  return (
    <>
      <CabinetNav
        door="company"
        userName={user.fullName}
        items={[
          { href: '/lk', label: 'Лицевые счета' },
          { href: '/lk/services', label: 'Услуги' },
        ]}
      />
      {children}
    </>
  );
}
