import { telHref } from '@/lib/format/phone';
import Link from 'next/link';
import { NavLinks } from '@/components/ui/nav-links';

const nav = [
  { href: '/tariffs', label: 'Тарифы' },
  { href: '/outages', label: 'Отключения' },
  { href: '/news', label: 'Новости' },
  { href: '/services', label: 'Платные услуги' },
  { href: '/documents', label: 'Документы' },
  { href: '/support', label: 'Поддержка' },
  { href: '/contacts', label: 'Контакты' },
];

/** Where «Личный кабинет» leads: the visitor's own cabinet, or the login (app/cabinet/route.ts). */
const CABINET_ENTRY = '/cabinet';

export function SiteHeader({ shortName, emergencyPhone }: { shortName: string; emergencyPhone: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="bg-brand-900 text-sm text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-1.5">
          <span>
            Аварийная служба<span className="max-sm:hidden">, круглосуточно</span>:{' '}
            <a className="whitespace-nowrap font-semibold text-accent-400" href={telHref(emergencyPhone)}>
              {emergencyPhone}
            </a>
          </span>
          <Link className="whitespace-nowrap text-white/90" href="/pay">
            Оплатить<span className="max-sm:hidden"> без регистрации</span>
          </Link>
        </div>
      </div>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-2 sm:gap-4 sm:py-3">
        <Link href="/" className="flex min-w-0 items-center gap-2 text-slate-900 hover:no-underline">
          <Logo />
          <span className="min-w-0 leading-tight">
            <span className="block truncate text-lg font-bold">Энергокабинет</span>
            <span className="block truncate text-xs text-slate-500 max-sm:hidden">{shortName}</span>
          </span>
        </Link>
        <nav aria-label="Основное меню" className="hidden lg:block">
          <NavLinks
            items={nav}
            className="flex gap-5 text-sm font-medium"
            linkClassName="text-slate-700 hover:text-brand-600 aria-[current=page]:text-brand-700 aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-8"
          />
        </nav>
        <div className="flex shrink-0 items-center gap-2">
          <Link
            href={CABINET_ENTRY}
            className="relative whitespace-nowrap rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700 hover:no-underline"
          >
            {/* The same name on every screen; a phone shows the short word of it. */}
            <span aria-hidden="true" className="sm:hidden">
              Кабинет
            </span>
            <span className="max-sm:sr-only">Личный кабинет</span>
          </Link>
          {/* A disclosure rather than a script: the menu works before (and without) JavaScript. */}
          <details className="relative lg:hidden">
            <summary className="flex h-10 w-10 cursor-pointer list-none items-center justify-center rounded-lg border border-slate-300 [&::-webkit-details-marker]:hidden">
              <span className="sr-only">Открыть меню</span>
              <svg aria-hidden="true" width="20" height="20" viewBox="0 0 20 20" fill="currentColor">
                <rect x="2" y="4" width="16" height="2" rx="1" />
                <rect x="2" y="9" width="16" height="2" rx="1" />
                <rect x="2" y="14" width="16" height="2" rx="1" />
              </svg>
            </summary>
            <nav
              aria-label="Меню"
              className="absolute right-0 z-20 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg"
            >
              <NavLinks
                items={nav}
                linkClassName="block rounded-lg px-3 py-2.5 text-slate-800 hover:bg-slate-100 hover:no-underline aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700"
              />
              <ul className="mt-1 border-t border-slate-100 pt-1">
                <li>
                  <Link
                    className="block rounded-lg px-3 py-2.5 text-slate-800 hover:bg-slate-100 hover:no-underline"
                    href="/fiz/login"
                  >
                    Вход для физических лиц
                  </Link>
                </li>
                <li>
                  <Link
                    className="block rounded-lg px-3 py-2.5 text-slate-800 hover:bg-slate-100 hover:no-underline"
                    href="/lk/login"
                  >
                    Вход для юридических лиц
                  </Link>
                </li>
              </ul>
            </nav>
          </details>
        </div>
      </div>
    </header>
  );
}

function Logo() {
  return (
    <svg aria-hidden="true" className="shrink-0" width="32" height="32" viewBox="0 0 32 32">
      <rect width="32" height="32" rx="8" fill="#155bb3" />
      <path d="M18 4 8 18h7l-2 10 11-15h-7z" fill="#ffc53d" />
    </svg>
  );
}
