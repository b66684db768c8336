import { formatDateTime } from '@/lib/format/dates';
import { EVENT_LABEL, type EventKind } from '@/lib/services/events';

/** The request's history, oldest first, as the customer and staff both see it. */
export function RequestTimeline({ events }: { events: { kind: EventKind; note: string | null; at: Date }[] }) {
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4" aria-label="История заявки" data-testid="timeline">
      {events.map((e, i) => (
        <li key={`${e.kind}-${i}`} className="relative">
          <span className="absolute top-1.5 -left-[1.4rem] h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden />
          <p className="font-medium">{EVENT_LABEL[e.kind] ?? e.kind}</p>
          <p className="text-sm text-slate-600">
            <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
            {e.note ? ` — ${e.note}` : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
