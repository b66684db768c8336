import type { Metadata } from 'next';
import { RoleDenied } from '@/components/company/role-denied';
import { PageTitle } from '@/components/page-title';
import { UploadReadingsForm } from '@/components/readings/bulk-upload-forms';
import { ReadingsForm } from '@/components/readings/readings-form';
import { accessibleAccountIds } from '@/lib/auth/session';
import { requireCompanyPage } from '@/lib/company/access';
import { formatDate, formatDateTime, formatPeriod } from '@/lib/format/dates';
import { formatKwh } from '@/lib/format/money';
import { metersForReadings } from '@/lib/readings/cabinet';
import { currentReadingWindow } from '@/lib/readings/settings';
import { zonePlanLabels, zoneShortLabels, type ZonePlan } from '@/lib/tariffs/zones';
import { submitCompanyReadings, uploadReadingsFile } from './actions';

export const metadata: Metadata = { title: 'Показания приборов учёта' };

export default async function CompanyReadingsPage({ searchParams }: PageProps<'/lk/readings'>) {
  const { accepted } = await searchParams;
  const acceptedCount = typeof accepted === 'string' && /^\d{1,5}$/.test(accepted) ? Number(accepted) : null;
  const access = await requireCompanyPage('readings', '/lk/readings');
  if (!access.allowed) return <RoleDenied title="Показания приборов учёта" role={access.member.role} />;
  const window = await currentReadingWindow();
  const meterList = await metersForReadings(await accessibleAccountIds(access.member.user), window.period);
  return (
    <>
      <PageTitle
        title="Показания приборов учёта"
        lead="По каждой точке поставки и каждой зоне — целые кВт·ч, без дробной части, не меньше предыдущих показаний."
      />
      <p
        className={window.open ? 'notice mb-6' : 'mb-6 rounded-lg border border-accent-400 bg-amber-50 p-3 text-sm'}
        role="status"
      >
        {window.open
          ? `Приём показаний за ${formatPeriod(window.period)} открыт до ${formatDate(window.closesOn)} включительно.`
          : window.notice}
      </p>
      {acceptedCount !== null ? (
        <p
          className="mb-6 rounded-lg border border-green-200 bg-green-50 px-4 py-3 font-medium text-green-900"
          role="status"
          data-testid="bulk-accepted"
        >
          Показания из файла приняты: {acceptedCount}.
        </p>
      ) : null}
      {meterList.length > 0 ? (
        <section className="card mb-6" aria-labelledby="bulk-upload-title">
          <h2 id="bulk-upload-title" className="text-lg">
            Загрузка файлом
          </h2>
          <p className="mb-4 text-sm text-slate-600">
            Скачайте шаблон — в нём уже есть все ваши приборы и зоны, — впишите показания (целые кВт·ч; дата снятия
            необязательна) и загрузите файл. Сначала покажем решение по каждой строке; записываются только
            подтверждённые вами строки, все сразу.
          </p>
          <p className="mb-4 flex flex-wrap gap-4 text-sm">
            <a href="/lk/readings/template?format=xlsx" data-testid="template-xlsx">
              Шаблон XLSX
            </a>
            <a href="/lk/readings/template?format=csv" data-testid="template-csv">
              Шаблон CSV
            </a>
          </p>
          <UploadReadingsForm action={uploadReadingsFile} />
        </section>
      ) : null}
      {meterList.length === 0 ? (
        <p className="card">Активных приборов учёта нет. Обратитесь к куратору договора.</p>
      ) : (
        <ul className="space-y-6">
          {meterList.map((m) => (
            <li key={m.id} className="card" data-testid="meter" data-serial={m.serialNumber}>
              <h2 className="text-lg">
                Прибор учёта № {m.serialNumber}
                {m.model ? <span className="font-normal text-slate-600"> · {m.model}</span> : null}
              </h2>
              <p className="mb-4 text-sm text-slate-600">
                Лицевой счёт {m.accountNumber} · {zonePlanLabels[m.zonePlan as ZonePlan]}
              </p>
              {m.registers.some((r) => r.submitted) ? (
                <p className="notice mb-4" data-testid="submitted">
                  Уже принято за {formatPeriod(window.period)}:{' '}
                  {m.registers
                    .filter((r) => r.submitted)
                    .map((r) => `${zoneShortLabels[r.zone]} ${formatKwh(r.submitted!.value)}`)
                    .join(', ')}{' '}
                  ({formatDateTime(m.registers.find((r) => r.submitted)!.submitted!.submittedAt)}). Можно исправить до
                  конца приёма.
                </p>
              ) : null}
              <ReadingsForm
                action={submitCompanyReadings}
                meterId={m.id}
                registers={m.registers.map((r) => ({
                  zone: r.zone,
                  label: zoneShortLabels[r.zone],
                  hint: r.previous
                    ? `Предыдущее: ${formatKwh(r.previous.value)} (${formatPeriod(r.previous.period)})`
                    : 'Первые показания',
                }))}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
