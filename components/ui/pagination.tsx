// The previous/next links under a paginated list, with what is shown between them. Nothing when
// everything fits on one page. The labels say which way the list runs («Новее»/«Старее» for history).
import Link from 'next/link';
import type { ReactNode } from 'react';

export function Pagination({
  page,
  pageCount,
  href,
  previous = '← Назад',
  next = 'Дальше →',
  children,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  previous?: string;
  next?: string;
  /** What this page shows, e.g. «Страница 2 из 5»; that by default. */
  children?: ReactNode;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Страницы" className="mt-4 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className="btn-secondary" rel="prev">
          {previous}
        </Link>
      ) : null}
      <span>{children ?? `Страница ${page} из ${pageCount}`}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className="btn-secondary" rel="next">
          {next}
        </Link>
      ) : null}
    </nav>
  );
}
