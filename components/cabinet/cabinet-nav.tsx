import Link from 'next/link';
import { LogoutButton } from '@/components/auth/logout-button';
import type { LoginDoor } from '@/lib/auth/login-doors';

export interface NavItem {
  href: string;
  label: string;
}

/** The strip under the site header inside a cabinet: who is signed in, where to go, how to leave. */
export function CabinetNav({ door, userName, items }: { door: LoginDoor; userName: string; items: NavItem[] }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
      <nav aria-label="Разделы кабинета">
        <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm font-medium">
          {items.map((item) => (
            <li key={item.href}>
              <Link href={item.href}>{item.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="flex items-center gap-3 text-sm text-slate-600">
        <span data-testid="signed-in-user">{userName}</span>
        <LogoutButton door={door} />
      </div>
    </div>
  );
}
