import type { Metadata } from 'next';
import { KeepWhole } from '@/components/ui/keep-whole';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { notFound } from 'next/navigation';
import { RoleDenied } from '@/components/company/role-denied';
import { PageTitle } from '@/components/page-title';
import { requireCompanyPage } from '@/lib/company/access';
import { companyReconciliation, reconciliationAccounts, reconciliationConclusion } from '@/lib/company/reconciliation';
import { defaultRange, reconciliationRange } from '@/lib/company/reconciliation-range';
import { formatDate } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';

export const metadata: Metadata = { title: 'Акт сверки' };

const control = 'mt-1.5 block min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-base';

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export default async function ReconciliationPage({ searchParams }: PageProps<'/lk/reconciliation'>) {
  const access = await requireCompanyPage('reconciliation', '/lk/reconciliation');
  if (!access.allowed) return <RoleDenied title="Акт сверки" role={access.member.role} />;
  const user = access.member.user;
  const query = await searchParams;
  const now = new Date();
  const defaults = defaultRange(now);
  const params = {
    account: one(query.account) ?? 'all',
    from: one(query.from) ?? defaults.from,
    to: one(query.to) ?? defaults.to,
  };
  const accountList = await reconciliationAccounts(user);
  const checked = reconciliationRange(params, now);
  const act = checked.ok ? await companyReconciliation(user, checked.range) : null;
  // A well-formed period with an account that is not this company's: the same 404 as a missing one.
  if (checked.ok && !act) notFound();
  const fileQuery = new URLSearchParams(params).toString();

  return (
    <>
      <PageTitle
        title="Акт сверки взаимных расчётов"
        lead="По данным поставщика: сальдо на начало, все начисления и оплаты за период, сальдо на конец. Даты — по московскому времени."
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Параметры акта сверки">
        <div>
          <label htmlFor="account" className="block text-sm font-medium">
            Лицевой счёт
          </label>
          <select id="account" name="account" defaultValue={params.account} className={control}>
            <option value="all">Все лицевые счета организации</option>
            {accountList.map((a) => (
              <option key={a.id} value={a.id}>
                {a.number} · договор № {a.contractNumber}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">
            С
          </label>
          <input id="from" name="from" type="date" defaultValue={params.from} className={control} />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">
            По
          </label>
          <input id="to" name="to" type="date" defaultValue={params.to} className={control} />
        </div>
        <button type="submit" className="btn-secondary">
          Сформировать
        </button>
      </form>
      {!checked.ok ? (
        <p className="mb-6 rounded-lg border border-danger-600 bg-red-50 p-3" role="alert" data-testid="range-error">
          {checked.message}
        </p>
      ) : act ? (
        <>
          <p className="mb-4 flex flex-wrap gap-3">
            <a
              className="btn-primary"
              href={`/lk/reconciliation/pdf?${fileQuery}`}
              data-testid="reconciliation-pdf"
              download
            >
              Скачать PDF
            </a>
            <a
              className="btn-secondary"
              href={`/lk/reconciliation/xlsx?${fileQuery}`}
              data-testid="reconciliation-xlsx"
              download
            >
              Скачать XLSX
            </a>
          </p>
          <ScrollRegion label="Акт сверки" className="card">
            <table className="table-base">
              <thead>
                <tr>
                  <th>Дата</th>
                  <th>Документ</th>
                  <th>Лицевой счёт</th>
                  <th className="text-right">Дебет (начислено)</th>
                  <th className="text-right">Кредит (оплачено)</th>
                </tr>
              </thead>
              <tbody>
                <tr className="font-semibold">
                  <td colSpan={3}>Сальдо на {formatDate(act.from)}</td>
                  <td className="text-right" data-testid="recon-opening">
                    {formatRub(act.openingKopecks)}
                  </td>
                  <td />
                </tr>
                {act.lines.map((line, i) => (
                  <tr key={i} data-testid="recon-line">
                    <td>{formatDate(line.day)}</td>
                    <td>
                      <KeepWhole text={line.document} />
                    </td>
                    <td className="tabular-nums">{line.accountNumber}</td>
                    <td className="text-right">{line.debitKopecks ? formatRub(line.debitKopecks) : ''}</td>
                    <td className="text-right">{line.creditKopecks ? formatRub(line.creditKopecks) : ''}</td>
                  </tr>
                ))}
                <tr className="font-semibold">
                  <td colSpan={3}>Обороты за период</td>
                  <td className="text-right" data-testid="recon-debit">
                    {formatRub(act.debitKopecks)}
                  </td>
                  <td className="text-right" data-testid="recon-credit">
                    {formatRub(act.creditKopecks)}
                  </td>
                </tr>
                <tr className="font-semibold">
                  <td colSpan={3}>Сальдо на {formatDate(act.to)}</td>
                  <td className="text-right" data-testid="recon-closing">
                    {formatRub(act.closingKopecks)}
                  </td>
                  <td />
                </tr>
              </tbody>
            </table>
          </ScrollRegion>
          <p className="mt-4 font-medium" data-testid="recon-conclusion">
            {reconciliationConclusion(act, formatRub)}
          </p>
        </>
      ) : null}
    </>
  );
}
