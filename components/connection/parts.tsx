import { formatDate, formatDateTime } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import type { ApplicationDetail } from '@/lib/connection/applications';
import { formatKw, RATE_CATEGORY_LABEL, type RateCategory } from '@/lib/connection/calculator';
import { type Deadline, describeLeft } from '@/lib/connection/deadlines';
import { CONNECTION_EVENT_LABEL } from '@/lib/connection/events';
import { REASON_LABEL, VOLTAGE_LABEL } from '@/lib/connection/schemas';
import { DOCUMENT_LABEL } from '@/lib/connection/documents';
import { CONNECTION_STATUS_LABEL, type ConnectionStatus } from '@/lib/connection/status';

// What the applicant and staff both see of an application: its status, the deadlines running,
// the fields of the application, the documents and the timeline.

const tone: Record<ConnectionStatus, string> = {
  submitted: 'bg-amber-50 text-amber-900 border-amber-200',
  data_requested: 'bg-amber-50 text-amber-900 border-amber-200',
  offer_posted: 'bg-brand-50 text-brand-700 border-brand-200',
  contracted: 'bg-brand-50 text-brand-700 border-brand-200',
  works_done: 'bg-brand-50 text-brand-700 border-brand-200',
  act_posted: 'bg-brand-50 text-brand-700 border-brand-200',
  done: 'bg-green-50 text-green-800 border-green-200',
  cancelled: 'bg-slate-100 text-slate-700 border-slate-300',
};

export function ConnectionStatusBadge({ status }: { status: ConnectionStatus }) {
  return (
    <span
      className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-medium ${tone[status]}`}
      data-testid="connection-status"
    >
      {CONNECTION_STATUS_LABEL[status]}
    </span>
  );
}

const deadlineTone = {
  ok: 'text-slate-700',
  close: 'font-semibold text-amber-800',
  missed: 'font-semibold text-danger-600',
} as const;

/** One deadline: due day and the time left, coloured when close (≤ 2 working days) or missed. */
export function DeadlineLine({ deadline }: { deadline: Deadline }) {
  return (
    <span className={deadlineTone[deadline.state]} data-testid={`deadline-${deadline.key}`} data-state={deadline.state}>
      до {formatDate(deadline.due)} — {describeLeft(deadline)}
    </span>
  );
}

export function DeadlineList({ deadlines }: { deadlines: Deadline[] }) {
  if (!deadlines.length) return null;
  return (
    <section className="card space-y-2" aria-labelledby="conn-deadlines">
      <h2 id="conn-deadlines">Сроки</h2>
      <ul className="space-y-1">
        {deadlines.map((d) => (
          <li key={d.key}>
            <span className="text-slate-600">
              {d.label} ({d.party === 'grid' ? 'сетевая организация' : 'заявитель'}):
            </span>{' '}
            <DeadlineLine deadline={d} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function ApplicationFacts({ a, fileBase }: { a: ApplicationDetail; fileBase: string }) {
  const issued = [
    a.offerFileId ? { id: a.offerFileId, label: 'Договор (оферта) и счёт, PDF' } : null,
    a.tuFileId ? { id: a.tuFileId, label: 'Технические условия, PDF' } : null,
    a.actFileId ? { id: a.actFileId, label: 'Акт о технологическом присоединении, PDF' } : null,
  ].filter((x): x is { id: string; label: string } => x !== null);
  return (
    <section className="card space-y-3" aria-labelledby="conn-facts">
      <h2 id="conn-facts" className="sr-only">
        Заявка
      </h2>
      <ConnectionStatusBadge status={a.status} />
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <Row label="Заявитель">{a.applicantName}</Row>
        <Row label="Объект">
          {a.objectName}, {a.objectAddress}
        </Row>
        <Row label="Кадастровый номер">{a.cadastralNumber}</Row>
        <Row label="Причина">{REASON_LABEL[a.reason as keyof typeof REASON_LABEL]}</Row>
        <Row label="Максимальная мощность">
          {formatKw(a.maxPowerW)}
          {a.existingPowerW > 0 ? `, в том числе ранее присоединённая ${formatKw(a.existingPowerW)}` : ''}
        </Row>
        <Row label="Категория надёжности">{a.reliabilityCategory}</Row>
        <Row label="Напряжение">{VOLTAGE_LABEL[a.voltage as keyof typeof VOLTAGE_LABEL]}</Row>
        {a.plannedCommissioningBy ? (
          <Row label="Ввод в эксплуатацию">{formatDate(a.plannedCommissioningBy)}</Row>
        ) : null}
        <Row label="Подана">{formatDateTime(a.createdAt)}</Row>
        {a.priceKopecks !== null ? (
          <Row label="Плата">
            <span data-testid="connection-price">{formatRub(a.priceKopecks)}</span>
            {a.rateCategory ? ` (${RATE_CATEGORY_LABEL[a.rateCategory as RateCategory]})` : ''}
          </Row>
        ) : null}
        {a.dataRequestNote && a.status === 'data_requested' ? (
          <Row label="Нужно представить">{a.dataRequestNote}</Row>
        ) : null}
        {a.cancelReason ? <Row label="Причина аннулирования">{a.cancelReason}</Row> : null}
      </dl>
      {issued.length ? (
        <ul className="space-y-1" aria-label="Документы сетевой организации">
          {issued.map((f) => (
            <li key={f.id}>
              <a href={`${fileBase}/files/${f.id}`} className="font-semibold" target="_blank" rel="noreferrer">
                {f.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {a.documents.length ? (
        <ul className="space-y-1 text-sm" aria-label="Документы заявителя">
          {a.documents.map((d) => (
            <li key={d.id}>
              <a href={`${fileBase}/files/${d.id}`} target="_blank" rel="noreferrer">
                {DOCUMENT_LABEL[d.kind]}: {d.fileName}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function ConnectionTimeline({ events }: { events: ApplicationDetail['events'] }) {
  return (
    <section className="card" aria-labelledby="conn-history">
      <h2 id="conn-history" className="mb-3">
        Ход рассмотрения
      </h2>
      <ol className="space-y-3 border-l-2 border-slate-200 pl-4" data-testid="timeline">
        {events.map((e, i) => (
          <li key={`${e.kind}-${i}`} className="relative">
            <span className="absolute top-1.5 -left-[1.4rem] h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden />
            <p className="font-medium">{CONNECTION_EVENT_LABEL[e.kind] ?? e.kind}</p>
            <p className="text-sm break-words text-slate-600">
              <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
              {e.note ? ` — ${e.note}` : null}
            </p>
            {e.documentSha256 ? <p className="text-xs break-all text-slate-500">SHA-256: {e.documentSha256}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
