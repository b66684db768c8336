import { ApplicationStatusBadge } from '@/components/applications/application-status';
import type { ApplicationDetail } from '@/lib/applications/applications';
import { CHECKLIST, RELIABILITY_LABEL } from '@/lib/applications/checklist';
import { APPLICATION_STATUS_LABEL } from '@/lib/applications/status';
import { formatDateTime } from '@/lib/format/dates';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ`
    : `${Math.max(1, Math.round(bytes / 1024))} КБ`;

/** An application as both sides read it: details, the checklist with the files, the timeline. */
export function ApplicationView({ detail, base }: { detail: ApplicationDetail; base: '/lk' | '/admin' }) {
  const { application: a, files, events } = detail;
  const href = (fileId: string) => `${base}/applications/${a.id}/files/${fileId}`;
  return (
    <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
      <div className="space-y-6">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-3">
            Заявка № {a.number} <ApplicationStatusBadge status={a.status} />
          </h2>
          <dl className="grid gap-2 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-4">
            <dt className="text-slate-500">Организация</dt>
            <dd>{a.companyName}</dd>
            <dt className="text-slate-500">ИНН / КПП</dt>
            <dd className="tabular-nums">
              {a.inn} / {a.kpp ?? '—'}
            </dd>
            {a.ogrn ? (
              <>
                <dt className="text-slate-500">ОГРН</dt>
                <dd className="tabular-nums">{a.ogrn}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">Контакты</dt>
            <dd>
              {a.contactName}, {a.phone}, {a.email}
            </dd>
            <dt className="text-slate-500">Адрес объекта</dt>
            <dd>{a.objectAddress}</dd>
            <dt className="text-slate-500">Максимальная мощность</dt>
            <dd className="tabular-nums">{a.maxPowerKw.replace('.', ',')}&nbsp;кВт</dd>
            <dt className="text-slate-500">Категория надёжности</dt>
            <dd>{RELIABILITY_LABEL[a.reliabilityCategory as 1 | 2 | 3]}</dd>
            {a.comment ? (
              <>
                <dt className="text-slate-500">Комментарий</dt>
                <dd className="whitespace-pre-line">{a.comment}</dd>
              </>
            ) : null}
            <dt className="text-slate-500">Подана</dt>
            <dd>{formatDateTime(a.createdAt)}</dd>
          </dl>
          {a.staffMessage && (a.status === 'documents_requested' || a.status === 'refused') ? (
            <p className="notice mt-4" data-testid="staff-message">
              {a.status === 'refused' ? 'Причина отказа: ' : 'Запрошены документы: '}
              {a.staffMessage}
            </p>
          ) : null}
        </section>

        <section className="card" aria-labelledby="documents-heading">
          <h2 id="documents-heading" className="mb-3">
            Документы
          </h2>
          <ul className="space-y-3 text-sm">
            {CHECKLIST.map((item) => {
              const own = files.filter((f) => f.item === item.key);
              if (own.length === 0 && item.key === 'other') return null;
              return (
                <li key={item.key} data-testid="checklist-item" data-item={item.key} data-done={own.length > 0}>
                  <p className={own.length ? 'font-medium' : ''}>
                    {own.length ? '✓ ' : '○ '}
                    {item.title}
                    {item.required ? <span className="text-danger-600"> *</span> : null}
                  </p>
                  {own.length ? (
                    <ul className="ml-5 mt-1 space-y-1">
                      {own.map((f) => (
                        <li key={f.id}>
                          <a href={href(f.id)} data-testid="application-file">
                            {f.fileName}
                          </a>{' '}
                          <span className="text-slate-500">
                            {size(f.sizeBytes)}, {formatDateTime(f.createdAt)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <p className="mt-3 text-sm text-slate-500">* — обязательные документы.</p>
        </section>
      </div>

      <section className="card self-start" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="mb-3">
          Ход рассмотрения
        </h2>
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm" data-testid="application-timeline">
          {events.map((e) => (
            <li key={e.id}>
              <p className="font-medium">{APPLICATION_STATUS_LABEL[e.status]}</p>
              <p className="text-slate-500">{formatDateTime(e.at)}</p>
              {e.note ? <p className="whitespace-pre-line">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
