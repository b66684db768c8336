'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { BillingRunJson } from '@/lib/billing/run-status';

const POLL_MS = 1_000;

const tone: Record<BillingRunJson['status'], string> = {
  running: 'border-brand-200 bg-brand-50 text-brand-700',
  done: 'border-green-200 bg-green-50 text-green-800',
  failed: 'border-red-200 bg-red-50 text-red-900',
};

/**
 * One billing run's progress. The server renders it with the run as it stood (so a reload without
 * JavaScript shows the current state); in the browser it asks the status route once a second while
 * the run is going, stops when it is done or failed, and then refreshes the page so the counts and
 * the list of runs catch up.
 */
export function BillingRunProgress({ initial }: { initial: BillingRunJson }) {
  const router = useRouter();
  const [run, setRun] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const running = run.status === 'running';

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/admin/billing/runs/${initial.id}`, {
          cache: 'no-store',
          headers: { accept: 'application/json' },
        });
        if (!response.ok) {
          if (stopped) return;
          // The session ended or the run is gone: polling again would not help.
          const answer = (await response.json().catch(() => null)) as { error?: string } | null;
          setProblem(answer?.error ?? `Сервер ответил ${response.status}. Обновите страницу.`);
          return;
        }
        const body = (await response.json()) as BillingRunJson;
        if (stopped) return;
        setProblem(null);
        setRun(body);
        if (body.status !== 'running') {
          router.refresh();
          return;
        }
      } catch {
        if (stopped) return;
        setProblem('Нет связи с сервером — пробуем снова…');
      }
      timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [initial.id, running, router]);

  const total = run.accountsTotal;
  const bills = run.billsCreated ?? 0;
  const percent = Math.round(run.progress * 100);
  return (
    <section
      className="card grid gap-3"
      aria-labelledby={`run-${run.id}`}
      data-testid="billing-run"
      data-status={run.status}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`run-${run.id}`}>Начисление за {run.periodLabel}</h2>
        <span
          className={`rounded-full border px-3 py-1 text-sm font-semibold ${tone[run.status]}`}
          data-testid="run-status"
        >
          {run.statusLabel}
        </span>
      </div>
      <progress
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200 [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600"
        max={100}
        value={running && total === null ? undefined : percent}
        aria-label={`Выполнено ${percent} %`}
      />
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2" aria-live="polite">
        <div className="flex gap-2">
          <dt className="text-slate-600">Лицевых счетов в запуске:</dt>
          <dd className="font-semibold tabular-nums" data-testid="run-accounts">
            {total ?? 'считаем…'}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600">Выставлено счетов:</dt>
          <dd className="font-semibold tabular-nums" data-testid="run-bills">
            {bills}
            {total !== null ? ` из ${total}` : ''}
          </dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600">Запустил(а):</dt>
          <dd>{run.startedBy ?? '—'}</dd>
        </div>
        <div className="flex gap-2">
          <dt className="text-slate-600">Начало:</dt>
          <dd className="tabular-nums">
            {run.startedAtLabel} ({running ? 'идёт ' : 'длилось '}
            {run.durationLabel})
          </dd>
        </div>
      </dl>
      {run.error ? (
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-red-900"
          data-testid="run-error"
        >
          {run.error}
        </p>
      ) : null}
      {problem ? <p className="text-sm text-danger-600">{problem}</p> : null}
      {running ? (
        <p className="text-sm text-slate-600">
          Счета выставляются частями; страницу можно закрыть — начисление продолжится, а его итог появится в списке
          запусков.
        </p>
      ) : null}
    </section>
  );
}
