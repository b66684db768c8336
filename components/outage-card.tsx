import type { Outage } from '@/db/schema';
import { formatDateTime } from '@/lib/format/dates';

export function OutageCard({ outage, ongoing }: { outage: Outage; ongoing: boolean }) {
  const emergency = outage.kind === 'emergency';
  return (
    <article className={`card border-l-4 ${emergency ? 'border-l-danger-600' : 'border-l-accent-500'}`}>
      <div className="flex flex-wrap items-center gap-2 text-xs font-semibold uppercase tracking-wide">
        <span className={emergency ? 'text-danger-600' : 'text-amber-700'}>
          {emergency ? 'Аварийное отключение' : 'Плановое отключение'}
        </span>
        {ongoing ? <span className="rounded bg-red-50 px-2 py-0.5 text-danger-600">сейчас</span> : null}
      </div>
      <h3 className="mt-1 text-base font-semibold">{outage.settlement}</h3>
      <p className="mt-1 text-slate-700">{outage.streets}</p>
      <p className="mt-2 text-sm text-slate-600">
        <span className="whitespace-nowrap">с {formatDateTime(outage.startsAt)}</span>{' '}
        <span className="whitespace-nowrap">
          {outage.endsAt ? `до ${formatDateTime(outage.endsAt)}` : '— окончание уточняется'}
        </span>
        {emergency && outage.endsAt ? ' (ориентировочно)' : ''}
      </p>
      <p className="mt-1 text-sm text-slate-500">Причина: {outage.reason}</p>
    </article>
  );
}
