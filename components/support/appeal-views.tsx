import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/page-title';
import { KeepWhole } from '@/components/ui/keep-whole';
import type { AppealStatus } from '@/db/enums';
import type { FormAction } from '@/lib/actions/result';
import { listMyAccounts } from '@/lib/accounts/list';
import type { SessionUser } from '@/lib/auth/session';
import { formatDate, formatDateTime, moscowDay } from '@/lib/format/dates';
import { APPEAL_STATUS_LABEL } from '@/lib/support/appeal-schemas';
import { APPEAL_TOPIC_LABEL } from '@/lib/support/appeal-topics';
import {
  type AppealDetail,
  type AppealMessageView,
  appealForAppellant,
  appealScopeOf,
  isOverdue,
  listAppeals,
  topicWorkingDays,
} from '@/lib/support/appeals';
import { AppealReplyForm, type AppealTarget, CabinetAppealForm, CloseAppealForm } from './appeal-forms';
import { type CabinetItemViewProps, type Door } from '@/components/cabinet/item-view-props';

// The appeal pages of a cabinet, the same for households (/fiz) and companies (/lk); the thread
// and the facts are shared with the guest's page and the console.

export function AppealStatusBadge({ status }: { status: AppealStatus }) {
  const tone =
    status === 'answered'
      ? 'bg-emerald-100 text-emerald-900'
      : status === 'closed'
        ? 'bg-slate-100 text-slate-700'
        : 'bg-amber-100 text-amber-900';
  return (
    <span className={`rounded-full px-2.5 py-0.5 text-sm font-medium ${tone}`} data-testid="appeal-status">
      {APPEAL_STATUS_LABEL[status]}
    </span>
  );
}

export function AppealDeadline({ dueOn, status }: { dueOn: string | null; status: AppealStatus }) {
  if (!dueOn) return <span>срок начнётся после подтверждения почты</span>;
  const late = isOverdue({ status, dueOn }, moscowDay(new Date()));
  return (
    <span data-testid="appeal-deadline" className={late ? 'font-semibold text-danger-600' : undefined}>
      до {formatDate(dueOn)} включительно{late ? ' — срок истёк' : ''}
    </span>
  );
}

export function AppealFacts({ a }: { a: AppealDetail }) {
  return (
    <dl className="card grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      <dt className="text-slate-600">Тема</dt>
      <dd>{APPEAL_TOPIC_LABEL[a.topic]}</dd>
      <dt className="text-slate-600">Статус</dt>
      <dd>
        <AppealStatusBadge status={a.status} />
      </dd>
      <dt className="text-slate-600">Ответ</dt>
      <dd>
        <AppealDeadline dueOn={a.dueOn} status={a.status} />
      </dd>
      {a.accountNumber ? (
        <>
          <dt className="text-slate-600">Лицевой счёт</dt>
          <dd className="tabular-nums">{a.accountNumber}</dd>
        </>
      ) : null}
      <dt className="text-slate-600">Подано</dt>
      <dd>{formatDateTime(a.createdAt)}</dd>
      {a.rating ? (
        <>
          <dt className="text-slate-600">Ваша оценка</dt>
          <dd>{a.rating} из 5</dd>
        </>
      ) : null}
    </dl>
  );
}

export function AppealThread({
  messages,
  fileBase,
  staffView = false,
}: {
  messages: AppealMessageView[];
  /** The page whose `files/<id>` serve the thread's files to this reader. */
  fileBase: string;
  staffView?: boolean;
}) {
  return (
    <section aria-labelledby="appeal-thread" className="space-y-3">
      <h2 id="appeal-thread">Переписка</h2>
      <ol className="space-y-3" data-testid="appeal-thread">
        {messages.map((m) => (
          <li
            key={m.id}
            className={`card space-y-2 ${m.internal ? 'border-amber-300 bg-amber-50' : m.author === 'staff' ? 'border-brand-200 bg-sky-50' : ''}`}
            data-testid={m.internal ? 'appeal-note' : `appeal-message-${m.author}`}
          >
            <p className="text-sm text-slate-600">
              {m.internal
                ? `Внутренняя заметка · ${m.authorName ?? 'сотрудник'}`
                : m.author === 'staff'
                  ? `Ответ специалиста${staffView && m.authorName ? ` · ${m.authorName}` : ''}`
                  : staffView
                    ? 'Заявитель'
                    : 'Вы'}{' '}
              · {formatDateTime(m.createdAt)}
            </p>
            <p className="break-words whitespace-pre-line">{m.body}</p>
            {m.files.length ? (
              <ul className="text-sm">
                {m.files.map((f) => (
                  <li key={f.id}>
                    <a href={`${fileBase}/files/${f.id}`}>{f.fileName}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export async function AppealsListView({ user, door }: { user: SessionUser; door: Door }) {
  const list = await listAppeals(appealScopeOf(user));
  return (
    <div className="space-y-6">
      <PageTitle
        title="Обращения"
        lead="Вопрос, жалоба или спор о начислениях: у каждого обращения есть номер и срок ответа в рабочих днях."
        actions={
          <Link href={`${door}/appeals/new`} className="btn-primary">
            Написать обращение
          </Link>
        }
      />
      {list.length === 0 ? (
        <p className="card">Обращений пока нет.</p>
      ) : (
        <ul className="space-y-3" aria-label="Мои обращения">
          {list.map((a) => (
            <li key={a.id} className="card flex flex-wrap items-center justify-between gap-3">
              <div className="min-w-0">
                <Link href={`${door}/appeals/${a.id}`} className="font-semibold">
                  <KeepWhole text={`№ ${a.number}: ${APPEAL_TOPIC_LABEL[a.topic]}`} />
                </Link>
                <p className="text-sm text-slate-600">
                  от {formatDate(a.createdAt)}
                  {a.accountNumber ? ` · счёт ${a.accountNumber}` : ''} · ответ <AppealDeadline {...a} />
                </p>
              </div>
              <AppealStatusBadge status={a.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export async function NewAppealView({ user, action }: { user: SessionUser; action: FormAction }) {
  const [accounts, days] = await Promise.all([listMyAccounts(user), topicWorkingDays()]);
  return (
    <div className="max-w-2xl space-y-6">
      <PageTitle
        title="Новое обращение"
        lead="Номер и срок ответа вы увидите сразу после отправки. Ответ придёт в кабинет и письмом."
      />
      <p className="text-sm">
        Платёж не отразился на счёте? Сначала{' '}
        <Link href={user.role === 'company_user' ? '/pay/not-credited' : '/fiz/payments/not-credited'}>
          проверьте, где он сейчас
        </Link>{' '}
        — чаще всего ответ находится сразу.
      </p>
      <div className="card">
        <CabinetAppealForm
          action={action}
          accounts={accounts.map((a) => ({ id: a.id, label: `${a.number} — ${a.address}` }))}
          days={days}
        />
      </div>
    </div>
  );
}

/** Write again, or close and rate: the same for a cabinet's appeal and a guest's. */
export function AppellantActions({
  target,
  actions,
}: {
  target: AppealTarget;
  actions: { reply: FormAction; close: FormAction };
}) {
  return (
    <>
      <section className="card space-y-3" aria-labelledby="appeal-reply">
        <h2 id="appeal-reply">Дополнить обращение</h2>
        <AppealReplyForm action={actions.reply} target={target} />
      </section>
      <section className="card space-y-3" aria-labelledby="appeal-close">
        <h2 id="appeal-close">Вопрос решён?</h2>
        <p className="text-sm text-slate-600">Закройте обращение и оцените ответ — это помогает нам работать лучше.</p>
        <CloseAppealForm action={actions.close} target={target} />
      </section>
    </>
  );
}

const FLASH: Record<string, string> = {
  filed: 'Обращение зарегистрировано.',
  sent: 'Сообщение отправлено специалистам.',
  closed: 'Обращение закрыто. Спасибо за оценку!',
};

export async function AppealView({
  user,
  door,
  id,
  flash,
  actions,
}: CabinetItemViewProps<{ reply: FormAction; close: FormAction }>) {
  const a = await appealForAppellant(id, appealScopeOf(user));
  if (!a) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle title={`Обращение № ${a.number}`} lead={APPEAL_TOPIC_LABEL[a.topic]} />
      {flash && FLASH[flash] ? (
        <p className="notice" role="status">
          {FLASH[flash]}
          {flash === 'filed' && a.dueOn ? ` Номер — ${a.number}, ответ — до ${formatDate(a.dueOn)} включительно.` : ''}
        </p>
      ) : null}
      <AppealFacts a={a} />
      <AppealThread messages={a.messages} fileBase={`${door}/appeals/${a.id}`} />
      {a.status !== 'closed' ? <AppellantActions target={{ appealId: a.id }} actions={actions} /> : null}
      <p>
        <Link href={`${door}/appeals`}>← Все обращения</Link>
      </p>
    </div>
  );
}
