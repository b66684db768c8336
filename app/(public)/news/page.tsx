import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { formatLongDate } from '@/lib/format/dates';
import { listNews } from '@/lib/content/news';

export const metadata: Metadata = { title: 'Новости' };

const PAGE_SIZE = 10;

export default async function NewsPage({ searchParams }: PageProps<'/news'>) {
  const params = await searchParams;
  const requested = Number(typeof params.page === 'string' ? params.page : 1);
  const page = Number.isInteger(requested) && requested > 0 && requested < 10_000 ? requested : 1;
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
