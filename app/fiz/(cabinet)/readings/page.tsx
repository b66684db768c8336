import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/page-title';
import { ReadingsForm, type SubmittedReadings } from '@/components/readings/readings-form';
import { accessibleAccountIds, requireUser } from '@/lib/auth/session';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import { formatKwh } from '@/lib/format/money';
import { metersForReadings } from '@/lib/readings/cabinet';
import { currentReadingWindow } from '@/lib/readings/settings';
import { zonePlanLabels, zoneShortLabels, type TariffZone, type ZonePlan } from '@/lib/tariffs/zones';
import { submitMeterReadings } from './actions';

export const metadata: Metadata = { title: 'Передать показания' };

/** What the period already holds for a meter, for the form to show (and replace after a submission). */
function submittedOf(
  registers: { zone: TariffZone; submitted?: { value: number; submittedAt: Date } | null }[],
): SubmittedReadings | null {
  const held = registers.filter((r) => r.submitted);
  if (held.length === 0) return null;
  return {
    accepted: held.map((r) => ({ zone: r.zone, value: r.submitted!.value })),
    submittedAt: held[0]!.submitted!.submittedAt.toISOString(),
  };
}

export default async function ReadingsPage() {
  const user = await requireUser('household', '/fiz/readings');
  const window = await currentReadingWindow();
  const meterList = await metersForReadings(await accessibleAccountIds(user), window.period);

  return (
    <>
      <PageTitle
        title="Передать показания"
        lead="Целые кВт·ч, без дробной части — как на табло счётчика до запятой. Для многотарифного счётчика — отдельно по каждой зоне."
      />
      <p
        className={window.open ? 'notice mb-6' : 'mb-6 rounded-lg border border-accent-400 bg-amber-50 p-3 text-sm'}
        role="status"
      >
        {window.open
          ? `Приём показаний за ${formatPeriod(window.period)} открыт до ${formatDate(window.closesOn)} включительно.`
          : window.notice}
      </p>
      {meterList.length === 0 ? (
        <p className="card">Активных счётчиков нет. Добавить счётчик можно в разделе «Счётчики».</p>
      ) : (
        <ul className="space-y-6">
          {meterList.map((m) => (
            <li key={m.id} className="card" data-testid="meter" data-serial={m.serialNumber}>
              <h2 className="text-lg">
                Счётчик № {m.serialNumber}
                {m.model ? <span className="font-normal text-slate-600"> · {m.model}</span> : null}
              </h2>
              <p className="mb-4 text-sm text-slate-600">
                Лицевой счёт {m.accountNumber} · {zonePlanLabels[m.zonePlan as ZonePlan]}
              </p>
              <ReadingsForm
                action={submitMeterReadings}
                meterId={m.id}
                submitted={submittedOf(m.registers)}
                periodLabel={formatPeriod(window.period)}
                registers={m.registers.map((r) => ({
                  zone: r.zone,
                  previous: r.previous?.value ?? null,
                  rates: r.rates,
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
      <p className="mt-6 text-sm">
        <Link href="/fiz/readings/history">История показаний и потребления</Link>
      </p>
    </>
  );
}
