import type { Metadata } from 'next';
import { RetryJobForm } from '@/components/console/retry-job-form';
import { RunJobNowForm } from '@/components/console/run-job-now-form';
import { PageTitle } from '@/components/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/dates';
import { jobsOverview } from '@/lib/jobs/staff-console';
import { retryJobAction, runJobNowAction } from './actions';

export const metadata: Metadata = { title: 'Фоновые задания', robots: { index: false } };

export default async function StaffJobsPage() {
  await requireUser('staff', '/admin/jobs');
  const { queues, failed } = await jobsOverview();
  return (
    <>
      <PageTitle
        title="Фоновые задания"
        lead="Отправка писем, напоминания, начисления и другая работа в фоне. Задания по расписанию можно запустить раньше срока. Неудавшееся задание повторяется само с нарастающей паузой; после последней попытки оно остаётся здесь с ошибкой — его можно повторить."
      />
      <section aria-labelledby="queues" className="mb-8">
        <h2 id="queues" className="mb-3 text-xl font-semibold">
          Очереди
        </h2>
        <ScrollRegion label="Очереди заданий">
          {/* The body's overflow-wrap: anywhere would squeeze a cell to a letter a line: words stay whole, the
              table scrolls in its region instead. */}
          <table className="w-full text-left text-sm wrap-break-word">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-4">
                  Очередь
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Ждут
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Выполняются
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Выполнены
                </th>
                <th scope="col" className="py-2 pr-4 text-right">
                  Не удались
                </th>
                <th scope="col" className="py-2 text-right">
                  <span className="sr-only">Действие</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queues.map((q) => (
                <tr key={q.name} className="border-b border-slate-100" data-testid={`queue-${q.name}`}>
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {q.label}
                  </th>
                  <td className="py-2 pr-4 text-right tabular-nums">{q.waiting}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{q.active}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{q.completed}</td>
                  <td
                    className={`py-2 pr-4 text-right tabular-nums ${q.failed > 0 ? 'font-semibold text-danger-600' : ''}`}
                  >
                    {q.failed}
                  </td>
                  <td className="py-2 text-right">
                    {q.scheduled ? <RunJobNowForm action={runJobNowAction} queue={q.name} label={q.label} /> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>
      <section aria-labelledby="failed">
        <h2 id="failed" className="mb-3 text-xl font-semibold">
          Не удались
        </h2>
        {failed.length === 0 ? (
          <p className="card">Неудавшихся заданий нет.</p>
        ) : (
          <ul className="grid gap-3">
            {failed.map((job) => (
              <li key={job.id} className="card grid gap-2" data-testid="failed-job">
                <p className="font-semibold">{job.label}</p>
                <p className="text-sm text-slate-600">
                  {formatDateTime(job.failedAt)} · попыток: {job.attempts}
                </p>
                <p className="break-words text-sm">
                  <span className="font-medium">Ошибка:</span> {job.error}
                </p>
                <RetryJobForm action={retryJobAction} queue={job.queue} jobId={job.id} label={job.label} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
