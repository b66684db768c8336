import { LogoutButton } from '@/components/auth/logout-button';
import { NavLinks, type NavLinkItem } from '@/components/ui/nav-links';
import type { LoginDoor } from '@/lib/auth/login-doors';

export type NavItem = NavLinkItem;

/**
 * The strip under the site header inside a cabinet: who is signed in, where to go, how to leave.
 * On a phone the sections are one row that scrolls sideways (a shadow at the edge says there is more),
 * so the menu takes two short lines of the first screen instead of half of it.
 */
export function CabinetNav({ door, userName, items }: { door: LoginDoor; userName: string; items: NavItem[] }) {
  return (
    <div className="mb-4 flex flex-col-reverse gap-2 border-b border-slate-200 pb-2 sm:mb-6 sm:flex-row sm:flex-wrap sm:items-center sm:justify-between sm:gap-3 sm:pb-3">
      <nav
        aria-label="Разделы кабинета"
        className="scroll-cue min-w-0 overflow-x-auto [--cue-bg:var(--color-slate-50)] sm:overflow-visible sm:bg-none"
      >
        <NavLinks
          items={items}
          scrollToCurrent
          className="flex gap-x-1 whitespace-nowrap text-sm font-medium sm:flex-wrap sm:gap-x-4 sm:gap-y-2 sm:whitespace-normal"
          itemClassName="shrink-0"
          linkClassName="block rounded-md px-2 py-2 sm:px-0 sm:py-0 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-900 sm:aria-[current=page]:bg-transparent sm:aria-[current=page]:underline sm:aria-[current=page]:decoration-2 sm:aria-[current=page]:underline-offset-4"
        />
      </nav>
      <div className="flex min-w-0 items-center justify-between gap-3 text-sm text-slate-600 sm:justify-end">
        <span className="min-w-0 truncate" data-testid="signed-in-user">
          {userName}
        </span>
        <LogoutButton door={door} />
      </div>
    </div>
  );
}
