import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/page-title';
import { AnswerForm, AssignForm, NoteForm } from '@/components/support/appeal-staff-forms';
import { AppealDeadline, AppealStatusBadge, AppealThread } from '@/components/support/appeal-views';
import { requireUser } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format/dates';
import { APPEAL_TOPIC_LABEL } from '@/lib/support/appeal-topics';
import { appealForStaff } from '@/lib/support/appeals';
import { listTemplates, staffMembers } from '@/lib/support/appeals-staff';
import { isUuid } from '@/lib/validation/ids';
import { answerAppealAction, assignAppealAction, noteAppealAction } from '../actions';

export const metadata: Metadata = { title: 'Обращение' };

const DONE: Record<string, string> = {
  assigned: 'Исполнитель назначен.',
  answered: 'Ответ отправлен заявителю письмом.',
  noted: 'Заметка добавлена.',
};

export default async function StaffAppealPage({ params, searchParams }: PageProps<'/admin/support/[id]'>) {
  const { id } = await params;
  await requireUser('staff', isUuid(id) ? `/admin/support/${id}` : '/admin/support');
  const a = await appealForStaff(id);
  if (!a) notFound();
  const [staff, templates] = await Promise.all([staffMembers(), listTemplates()]);
  const { done } = await searchParams;
  return (
    <div className="max-w-4xl space-y-6">
      <PageTitle title={`Обращение № ${a.number}`} lead={APPEAL_TOPIC_LABEL[a.topic]} />
      {typeof done === 'string' && DONE[done] ? (
        <p className="notice" role="status">
          {DONE[done]}
        </p>
      ) : null}
      <dl className="card grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-600">Заявитель</dt>
        <dd>
          {a.appellantName}, {a.appellantEmail}
          {a.userId ? '' : ' (без кабинета)'}
        </dd>
        <dt className="text-slate-600">Лицевой счёт</dt>
        <dd className="tabular-nums">
          {a.accountId && a.accountNumber ? (
            <Link href={`/admin/accounts/${a.accountId}`}>{a.accountNumber} — карточка счёта</Link>
          ) : a.accountNumber ? (
            // A guest typed the number: it may be mistyped, so the registry's search, not a card.
            <Link href={`/admin/accounts?q=${encodeURIComponent(a.accountNumber)}`}>
              {a.accountNumber} — найти в реестре
            </Link>
          ) : (
            'не указан'
          )}
        </dd>
        <dt className="text-slate-600">Статус</dt>
        <dd>
          <AppealStatusBadge status={a.status} />
          {a.rating ? ` · оценка ${a.rating} из 5` : ''}
        </dd>
        <dt className="text-slate-600">Ответить до</dt>
        <dd>
          <AppealDeadline dueOn={a.dueOn} status={a.status} />
        </dd>
        <dt className="text-slate-600">Поступило</dt>
        <dd>{a.openedAt ? formatDateTime(a.openedAt) : '—'}</dd>
      </dl>
      <section className="card space-y-3" aria-labelledby="appeal-assign">
        <h2 id="appeal-assign">Исполнитель: {a.assigneeName ?? 'не назначен'}</h2>
        <AssignForm action={assignAppealAction} appealId={a.id} assigneeId={a.assigneeId} staff={staff} />
      </section>
      <AppealThread messages={a.messages} fileBase={`/admin/support/${a.id}`} staffView />
      {a.status !== 'closed' ? (
        <section className="card space-y-3" aria-labelledby="appeal-answer">
          <h2 id="appeal-answer">Ответить</h2>
          <AnswerForm action={answerAppealAction} appealId={a.id} templates={templates} />
        </section>
      ) : null}
      <section className="card space-y-3" aria-labelledby="appeal-note">
        <h2 id="appeal-note">Внутренняя заметка</h2>
        <NoteForm action={noteAppealAction} appealId={a.id} />
      </section>
      <p>
        <Link href="/admin/support">← Все обращения</Link>
      </p>
    </div>
  );
}
