import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { Pagination } from '@/components/ui/pagination';
import { registryListParams, REGISTRY_QUERY_MIN, searchRegistry } from '@/lib/accounts/registry-search';
import { requireUser } from '@/lib/auth/session';
import { formatRub } from '@/lib/format/money';

export const metadata: Metadata = { title: 'Лицевые счета', robots: { index: false } };

export default async function StaffAccountsPage({ searchParams }: PageProps<'/admin/accounts'>) {
  const staff = await requireUser('staff', '/admin/accounts');
  const params = await registryListParams.read(searchParams);
  const result = await searchRegistry(staff, { q: params.q ?? undefined, page: params.page });
  const query = result.query;
  const href = (page: number) => registryListParams.href({ q: query || null, page });

  return (
    <>
      <PageTitle
        title="Лицевые счета"
        lead="Реестр абонентов: найдите счёт по номеру, ФИО или названию, адресу, телефону, электронной почте или номеру счётчика — в одной строке, можно часть. В карточке счёта — начисления, проводки, показания и действия сотрудника."
      />
      <form
        method="get"
        action="/admin/accounts"
        className="card mb-4 grid items-end gap-4 sm:grid-cols-[1fr_auto]"
        role="search"
        aria-label="Поиск лицевых счетов"
      >
        <div>
          <label htmlFor="q" className="font-medium">
            Номер, ФИО, адрес, телефон, e-mail или счётчик
          </label>
          <input
            id="q"
            name="q"
            type="search"
            autoComplete="off"
            defaultValue={query}
            maxLength={100}
            aria-invalid={!result.ok || undefined}
            aria-describedby={result.ok ? 'q-hint' : 'q-error'}
            className="mt-1.5 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base"
          />
          {result.ok ? (
            <p id="q-hint" className="mt-1 text-sm text-slate-600">
              Например: 50010004, Кузнецов, Ленина 5, 916 245, 41235872. Не меньше {REGISTRY_QUERY_MIN} символов.
            </p>
          ) : (
            <p id="q-error" className="mt-1 text-sm text-danger-600">
              {result.message}
            </p>
          )}
        </div>
        <button type="submit" className="btn-primary">
          Найти
        </button>
      </form>

      {!result.ok ? null : result.rows.length === 0 ? (
        <p className="card" data-testid="accounts-empty">
          Ничего не нашлось — проверьте написание или поищите по другой части: номеру, улице, телефону.
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600" data-testid="accounts-found">
            {query ? 'Найдено счетов' : 'Всего счетов'}: {result.total}
          </p>
          <ul className="grid gap-3" data-testid="accounts-list" aria-label="Лицевые счета">
            {result.rows.map((row) => (
              <li key={row.id} className="card" data-testid="account-row" data-number={row.number}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <Link href={`/admin/accounts/${row.id}`} className="text-lg font-semibold tabular-nums">
                    {row.number}
                  </Link>
                  <span
                    className={`whitespace-nowrap tabular-nums ${row.balanceKopecks > 0 ? 'text-danger-600' : 'text-slate-700'}`}
                  >
                    {row.balanceKopecks > 0
                      ? `долг ${formatRub(row.balanceKopecks)}`
                      : row.balanceKopecks < 0
                        ? `аванс ${formatRub(-row.balanceKopecks)}`
                        : 'без долга'}
                  </span>
                </div>
                <p className="mt-1">
                  {row.holderName}
                  {row.kind === 'company' ? <span className="text-sm text-slate-500"> · юр. лицо</span> : null}
                  {row.status === 'closed' ? <span className="text-sm text-slate-500"> · закрыт</span> : null}
                </p>
                <p className="text-sm text-slate-600">{row.address}</p>
              </li>
            ))}
          </ul>
          <Pagination page={result.page} pageCount={result.pageCount} href={href} />
        </>
      )}
    </>
  );
}
