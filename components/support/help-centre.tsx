import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { HELP_QUERY_MAX, type HelpListItem, listHelpArticles, searchHelpArticles } from '@/lib/support/help-articles';
import { helpSectionLabels, helpSections } from '@/lib/support/help-sections';

/** `?q=` as the search text: anything else is no search. */
export function helpQueryFrom(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value.trim().slice(0, HELP_QUERY_MAX) : '';
}

function ArticleLinks({ items }: { items: HelpListItem[] }) {
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.slug} data-testid="help-article">
          <Link href={`/support/${item.slug}`} className="font-semibold">
            {item.title}
          </Link>
          <p className="text-sm text-slate-600">{item.summary}</p>
        </li>
      ))}
    </ul>
  );
}

/** The help centre: a search box and either the answers found or every answer by section. `/support` alone is route-cached. */
export async function HelpCentre({ query }: { query: string }) {
  const found = query ? await searchHelpArticles(query) : null;
  const all = found ? [] : await listHelpArticles();
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle
        title="Поддержка"
        lead="Ответы на частые вопросы: регистрация, показания, оплата, квитанции, услуги и безопасность."
      />
      <form action="/support" method="get" role="search" className="card mb-6 flex flex-wrap items-end gap-3">
        <div className="min-w-0 grow">
          <label htmlFor="help-query" className="mb-1 block font-medium">
            Найти ответ
          </label>
          <input
            id="help-query"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={HELP_QUERY_MAX}
            placeholder="Например: почему начислили по среднему"
            className="block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
          />
        </div>
        <button type="submit" className="btn-primary">
          Найти
        </button>
      </form>
      {found ? (
        <section aria-labelledby="help-found">
          <h2 id="help-found" className="mb-3 text-lg">
            {found.length ? `Найдено по запросу «${query}»` : `По запросу «${query}» ничего не нашлось`}
          </h2>
          {found.length ? (
            <ArticleLinks items={found} />
          ) : (
            <p className="card">
              Попробуйте другие слова или <Link href="/support">посмотрите все ответы</Link>. Не нашли ответа —{' '}
              <Link href="/contacts">напишите или позвоните нам</Link>.
            </p>
          )}
        </section>
      ) : (
        helpSections.map((section) => {
          const items = all.filter((item) => item.section === section);
          if (items.length === 0) return null;
          return (
            <section key={section} aria-labelledby={`help-${section}`} className="card mb-4">
              <h2 id={`help-${section}`} className="mb-3 text-lg">
                {helpSectionLabels[section]}
              </h2>
              <ArticleLinks items={items} />
            </section>
          );
        })
      )}
      <p className="mt-6 text-slate-600">
        Если вы не нашли ответ, <Link href="/support/appeals/new">напишите обращение</Link> или{' '}
        <Link href="/contacts">свяжитесь с нами</Link>.
      </p>
    </div>
  );
}
