'use client';

import { logout, logoutEverywhere } from '@/app/session-actions';
import type { LoginDoor } from '@/lib/auth/login-doors';
import { forgetBalance } from '@/lib/offline/last-balance';

/**
 * Plain forms: logging out works before (and without) JavaScript. With it, the balance kept for
 * the offline page is forgotten on the way out, so nothing personal stays on a shared phone.
 */
export function LogoutButton({
  door,
  everywhere = false,
  className,
}: {
  door: LoginDoor;
  everywhere?: boolean;
  className?: string;
}) {
  return (
    <form action={everywhere ? logoutEverywhere : logout} onSubmit={() => forgetBalance()}>
      <input type="hidden" name="door" value={door} />
      <button type="submit" className={className ?? 'text-sm font-medium text-brand-700 hover:underline'}>
        {everywhere ? 'Выйти на всех устройствах' : 'Выйти'}
      </button>
    </form>
  );
}
