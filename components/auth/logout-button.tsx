import { logout, logoutEverywhere } from '@/app/session-actions';
import type { LoginDoor } from '@/lib/auth/login-doors';

/** Plain forms: logging out works before (and without) JavaScript. */
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
    <form action={everywhere ? logoutEverywhere : logout}>
      <input type="hidden" name="door" value={door} />
      <button type="submit" className={className ?? 'text-sm font-medium text-brand-700 hover:underline'}>
        {everywhere ? 'Выйти на всех устройствах' : 'Выйти'}
      </button>
    </form>
  );
}
