import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { formatLongDate } from '@/lib/format/dates';
import { listNews } from '@/lib/content/news';

const PAGE_SIZE = 10;

/** `?page=` as a page number: anything else is the first page. */
export function newsPageFrom(value: string | string[] | undefined): number {
  const requested = Number(typeof value === 'string' ? value : 1);
  return Number.isInteger(requested) && requested > 0 && requested < 10_000 ? requested : 1;
}

/** One page of published news, newest first; page 1 is the route-cached `/news`. */
export async function NewsList({ page }: { page: number }) {
  const { items, total } = await listNews({ now: new Date(), page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div>
      <PageTitle title="Новости" lead="Изменения тарифов, плановые работы и новое в личном кабинете." />
      {items.length === 0 ? (
        <p className="card text-slate-600">Новостей пока нет.</p>
      ) : (
        <div className="space-y-4">
          {items.map((item) => (
            <article key={item.id} className="card">
              <p className="text-sm text-slate-500">{item.publishedAt ? formatLongDate(item.publishedAt) : ''}</p>
              <h2 className="mt-1 text-lg">
                <Link href={`/news/${item.slug}`}>{item.title}</Link>
              </h2>
              <p className="mt-2 text-slate-600">{item.summary}</p>
            </article>
          ))}
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Страницы новостей" className="mt-6 flex gap-2">
          {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
            <Link
              key={n}
              href={n === 1 ? '/news' : `/news?page=${n}`}
              aria-current={n === page ? 'page' : undefined}
              className={`rounded-lg border px-3 py-1.5 ${n === page ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300'}`}
            >
              {n}
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
