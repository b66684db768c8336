import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplicationFacts, ConnectionTimeline, DeadlineList } from '@/components/connection/parts';
import { PostOfferForm, RequestDataForm, StaffCancelForm, StaffStepForm } from '@/components/connection/staff-forms';
import { PageTitle } from '@/components/page-title';
import { requireUser } from '@/lib/auth/session';
import { applicationDetail } from '@/lib/connection/applications';
import { connectionFee, RATE_CATEGORY_LABEL } from '@/lib/connection/calculator';
import { ratesOn } from '@/lib/connection/rates';
import { checkTransition, type ConnectionStatus } from '@/lib/connection/status';
import { moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import {
  completeAction,
  postActAction,
  postOfferAction,
  requestDataAction,
  staffCancelAction,
  worksDoneAction,
} from '../actions';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Заявка на технологическое присоединение' };

const DONE: Record<string, string> = {
  data: 'Запрос отправлен заявителю.',
  offer: 'Договор, счёт и ТУ размещены в кабинете заявителя.',
  works: 'Мероприятия отмечены выполненными.',
  act: 'Акт размещён в кабинете заявителя.',
  done: 'Заявка завершена.',
  cancelled: 'Заявка аннулирована, заявителю отправлено письмо.',
};

export default async function StaffConnectionApplicationPage({
  params,
  searchParams,
}: PageProps<'/admin/connection/[id]'>) {
  const { id } = await params;
  await requireUser('staff', isUuid(id) ? `/admin/connection/${id}` : '/admin/connection');
  const a = await applicationDetail(id, { kind: 'staff' });
  if (!a) notFound();
  const { done } = await searchParams;
  const can = (to: ConnectionStatus) => checkTransition(a.status, to, 'staff').ok;
  const fee = connectionFee(
    {
      applicantKind: a.applicantKind as 'person' | 'business',
      maxPowerW: a.maxPowerW,
      existingPowerW: a.existingPowerW,
      reliabilityCategory: a.reliabilityCategory,
    },
    await ratesOn(moscowDay(new Date())),
  );
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle title={`Заявка № ${a.number}`} lead={`${a.applicantName}: ${a.objectName}`} />
      {typeof done === 'string' && DONE[done] ? (
        <p className="notice" role="status">
          {DONE[done]}
        </p>
      ) : null}
      <ApplicationFacts a={a} fileBase={`/admin/connection/${a.id}`} />
      <section className="card">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">Телефон</dt>
          <dd>{a.contactPhone}</dd>
          <dt className="text-slate-600">Лицевой счёт</dt>
          <dd>{a.accountNumber}</dd>
          <dt className="text-slate-600">{a.applicantKind === 'person' ? 'Паспорт, СНИЛС' : 'ЕГРЮЛ / ЕГРИП'}</dt>
          <dd>{a.applicantKind === 'person' ? [a.passport, a.snils].filter(Boolean).join('; ') : a.registryRecord}</dd>
          <dt className="text-slate-600">Адрес заявителя</dt>
          <dd>{a.applicantAddress}</dd>
          <dt className="text-slate-600">Характер нагрузки</dt>
          <dd>{a.loadCharacter}</dd>
        </dl>
      </section>
      <DeadlineList deadlines={a.deadlines} />
      {can('offer_posted') ? (
        <section className="card space-y-3" aria-labelledby="staff-offer">
          <h2 id="staff-offer">Договор, счёт и технические условия</h2>
          {fee ? (
            <PostOfferForm
              action={postOfferAction}
              applicationId={a.id}
              fee={`${RATE_CATEGORY_LABEL[fee.category]}, ${formatRub(fee.kopecks)}`}
            />
          ) : (
            <p>
              Для категории заявителя не введена ставка платы.{' '}
              <Link href="/admin/connection/rates">Добавить ставку</Link>
            </p>
          )}
        </section>
      ) : null}
      {can('data_requested') ? (
        <section className="card space-y-3" aria-labelledby="staff-data">
          <h2 id="staff-data">Недостающие сведения</h2>
          <RequestDataForm action={requestDataAction} applicationId={a.id} />
        </section>
      ) : null}
      {can('works_done') ? (
        <section className="card space-y-3">
          <StaffStepForm
            action={worksDoneAction}
            applicationId={a.id}
            label="Мероприятия выполнены"
            noteLabel="Что сделано"
          />
        </section>
      ) : null}
      {can('act_posted') ? (
        <section className="card space-y-3">
          <StaffStepForm action={postActAction} applicationId={a.id} label="Разместить акт" noteLabel="Примечание" />
        </section>
      ) : null}
      {can('done') ? (
        <section className="card space-y-3">
          <StaffStepForm action={completeAction} applicationId={a.id} label="Завершить" noteLabel="Примечание" />
        </section>
      ) : null}
      <ConnectionTimeline events={a.events} />
      {can('cancelled') ? (
        <section className="card space-y-3" aria-labelledby="staff-cancel">
          <h2 id="staff-cancel">Аннулирование</h2>
          <StaffCancelForm action={staffCancelAction} applicationId={a.id} />
        </section>
      ) : null}
      <p>
        <Link href="/admin/connection">← Все заявки</Link>
      </p>
    </div>
  );
}
