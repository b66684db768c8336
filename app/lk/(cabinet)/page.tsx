import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { requireCompanyPage } from '@/lib/company/access';
import { type ContractState, companyOverview } from '@/lib/company/overview';
import { companyRoleCan, companyRoleLabels } from '@/lib/company/roles';
import { formatDate } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { telHref } from '@/lib/format/phone';

export const metadata: Metadata = { title: 'Кабинет юридического лица' };

const contractLabels: Record<ContractState, { text: string; className: string }> = {
  active: { text: 'действует', className: 'bg-green-100 text-green-900' },
  ending: { text: 'скоро истекает', className: 'bg-amber-100 text-amber-900' },
  expired: { text: 'срок истёк', className: 'bg-red-100 text-red-900' },
  closed: { text: 'расторгнут', className: 'bg-slate-200 text-slate-800' },
};

function term(start: string, end: string | null): string {
  return end ? `${formatDate(start)} — ${formatDate(end)}` : `с ${formatDate(start)}, бессрочный`;
}

export default async function CompanyHomePage() {
  const { member } = await requireCompanyPage('overview', '/lk');
  const overview = await companyOverview(member);
  if (!overview) {
    return (
      <>
        <PageTitle title="Кабинет юридического лица" />
        <p className="card">Организация не найдена. Обратитесь в абонентский отдел.</p>
      </>
    );
  }
  const { company, accounts, totals } = overview;
  const showMoney = companyRoleCan(member.role, 'bills');
  return (
    <>
      <PageTitle
        title={company.name}
        lead={
          <>
            {member.user.fullName}, {companyRoleLabels[member.role].toLowerCase()}
          </>
        }
      />
      {/* The key figure first: what the company owes is on a phone's first screen, the requisites after it. */}
      {showMoney ? (
        <section className="card mb-6" aria-labelledby="totals-heading">
          <h2 id="totals-heading" className="mb-3">
            Расчёты по всем договорам
          </h2>
          <dl className="grid gap-4 sm:grid-cols-3">
            <div>
              <dt className="text-sm text-slate-500">Просроченная задолженность</dt>
              <dd
                className={`text-2xl font-bold tabular-nums ${totals.overdueKopecks > 0 ? 'text-danger-600' : 'text-green-700'}`}
                data-testid="total-overdue"
              >
                {formatRub(totals.overdueKopecks)}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">К оплате в срок</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid="total-due">
                {formatRub(totals.dueKopecks)}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-500">Сальдо (долг «+», аванс «−»)</dt>
              <dd className="text-2xl font-bold tabular-nums" data-testid="total-balance">
                {formatRub(totals.balanceKopecks)}
              </dd>
            </div>
          </dl>
          <p className="mt-3 text-sm">
            <Link href="/lk/bills">Счета и счета-фактуры</Link>
          </p>
        </section>
      ) : null}

      <div className="mb-6 grid gap-4 md:grid-cols-2">
        <section className="card" aria-labelledby="company-heading">
          <h2 id="company-heading" className="mb-3">
            Реквизиты организации
          </h2>
          <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
            <dt className="text-slate-500">ИНН / КПП</dt>
            <dd className="tabular-nums" data-testid="company-inn">
              {company.inn} / {company.kpp ?? '—'}
            </dd>
            {company.ogrn ? (
              <>
                <dt className="text-slate-500">ОГРН</dt>
                <dd className="tabular-nums">{company.ogrn}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">Юридический адрес</dt>
            <dd>{company.legalAddress}</dd>
          </dl>
        </section>
        <section className="card" aria-labelledby="curator-heading">
          <h2 id="curator-heading" className="mb-3">
            Куратор договора
          </h2>
          {company.curator ? (
            <div className="text-sm" data-testid="curator">
              <p className="font-medium">{company.curator.name}</p>
              {company.curator.phone ? (
                <p>
                  {/* A full-height target (WCAG 2.5.8): a finger finds it on a phone. */}
                  <a className="inline-block py-1" href={telHref(company.curator.phone)}>
                    {company.curator.phone}
                  </a>
                </p>
              ) : null}
              {company.curator.email ? (
                <p>
                  <a className="inline-block py-1" href={`mailto:${company.curator.email}`}>
                    {company.curator.email}
                  </a>
                </p>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-slate-600">Куратор пока не назначен — звоните в абонентский отдел.</p>
          )}
        </section>
      </div>

      <h2 className="mb-3">Договоры и точки поставки</h2>
      {accounts.length === 0 ? (
        <p className="card mb-4" data-testid="no-contracts">
          Договоров пока нет. <Link href="/lk/applications">Подайте заявку на договор</Link> — с документами, онлайн.
        </p>
      ) : null}
      <ul className="grid gap-4" aria-label="Лицевые счета организации">
        {accounts.map((a) => (
          <li key={a.id} className="card" data-testid="company-account">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div className="min-w-0">
                <h3 className="text-lg font-semibold">
                  Лицевой счёт{' '}
                  <span className="tabular-nums" data-testid="account-number">
                    {a.number}
                  </span>
                </h3>
                <p className="mt-1">{a.address}</p>
                <p className="mt-1 text-sm text-slate-600">
                  Договор № {a.contractNumber}, {term(a.contractStart, a.contractEnd)}{' '}
                  <span className={`ml-1 rounded px-2 py-0.5 ${contractLabels[a.contractState].className}`}>
                    {contractLabels[a.contractState].text}
                  </span>
                </p>
              </div>
              {showMoney ? (
                <dl className="grid gap-1 text-sm sm:text-right">
                  {a.overdueKopecks > 0 ? (
                    <div>
                      <dt className="text-slate-500">Просрочено</dt>
                      <dd className="text-lg font-bold tabular-nums text-danger-600" data-testid="account-overdue">
                        {formatRub(a.overdueKopecks)}
                      </dd>
                    </div>
                  ) : null}
                  <div>
                    <dt className="text-slate-500">К оплате{a.dueDate ? ` до ${formatDate(a.dueDate)}` : ''}</dt>
                    <dd className="text-lg font-bold tabular-nums" data-testid="account-due">
                      {formatRub(a.dueKopecks)}
                    </dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">Сальдо</dt>
                    <dd className="tabular-nums">{formatRub(a.balanceKopecks)}</dd>
                  </div>
                </dl>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
