import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/page-title';
import { RequestTimeline } from '@/components/services/request-timeline';
import { ServiceStatusBadge } from '@/components/services/status-badge';
import {
  BankPaymentForm,
  CompleteForm,
  ConfirmPriceForm,
  ScheduleForm,
  StaffCancelForm,
} from '@/components/services/staff-forms';
import { requireUser } from '@/lib/auth/session';
import { formatDate, formatDateTime, moscowDay } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { serviceInvoiceNumber } from '@/lib/services/invoice';
import { requestDetail } from '@/lib/services/requests';
import { PREFERRED_WINDOW_LABEL, type PreferredWindow } from '@/lib/services/preferred-windows';
import { customerOf, visitDays } from '@/lib/services/staff';
import { checkTransition, isPayable } from '@/lib/services/status';
import { bankPaymentAction, completeAction, confirmPriceAction, scheduleAction, staffCancelAction } from '../actions';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Заявка на платную услугу' };

const DONE: Record<string, string> = {
  price: 'Цена отправлена заказчику.',
  scheduled: 'Выезд назначен, заказчику отправлено письмо.',
  done: 'Заявка выполнена, заказчику отправлено письмо с актом.',
  cancelled: 'Заявка отменена, заказчику отправлено письмо.',
  bank: 'Оплата по счёту записана, заявка оплачена.',
};

const rubField = (kopecks: number) => (kopecks / 100).toFixed(2).replace('.', ',');

export default async function StaffServiceRequestPage({ params, searchParams }: PageProps<'/admin/services/[id]'>) {
  const { id } = await params;
  await requireUser('staff', isUuid(id) ? `/admin/services/${id}` : '/admin/services');
  const request = await requestDetail(id, null);
  if (!request) notFound();
  const { done } = await searchParams;
  const customer = await customerOf(request.userId);
  const can = (to: Parameters<typeof checkTransition>[1]) => checkTransition(request.status, to, 'staff').ok;
  const { today, tomorrow } = visitDays();
  const visitDay = request.scheduledAt ? moscowDay(request.scheduledAt) : (request.preferredDate ?? tomorrow);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle title={`Заявка № ${request.number}`} lead={request.title} />
      {typeof done === 'string' && DONE[done] ? (
        <p className="notice" role="status">
          {DONE[done]}
        </p>
      ) : null}
      <section className="card space-y-3">
        <ServiceStatusBadge status={request.status} />
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-600">Заказчик</dt>
          <dd>
            {customer?.fullName} ({customer?.role === 'company_user' ? 'организация' : 'физлицо'}), л/с{' '}
            {request.accountNumber}, {customer?.email}
          </dd>
          <dt className="text-slate-600">Телефон</dt>
          <dd>{request.contactPhone}</dd>
          <dt className="text-slate-600">Адрес</dt>
          <dd>{request.address}</dd>
          <dt className="text-slate-600">Количество</dt>
          <dd>
            {request.quantity} {request.unit}
          </dd>
          <dt className="text-slate-600">Прейскурант</dt>
          <dd>
            {request.priceIsFrom ? 'от ' : ''}
            {formatRub(request.catalogPriceKopecks)} за {request.unit}
          </dd>
          <dt className="text-slate-600">Цена заявки</dt>
          <dd>
            {request.priceKopecks !== null ? formatRub(request.priceKopecks) : 'не рассчитана'}
            {request.priceKopecks !== null && !request.priceAcceptedAt ? ' — ждёт согласия заказчика' : ''}
          </dd>
          <dt className="text-slate-600">Желаемое время</dt>
          <dd>
            {request.preferredDate ? `${formatDate(request.preferredDate)}, ` : ''}
            {PREFERRED_WINDOW_LABEL[request.preferredWindow as PreferredWindow] ?? request.preferredWindow}
          </dd>
          {request.scheduledAt ? (
            <>
              <dt className="text-slate-600">Выезд</dt>
              <dd>
                {formatDateTime(request.scheduledAt)}, {request.crew}
              </dd>
            </>
          ) : null}
          {request.comment ? (
            <>
              <dt className="text-slate-600">Комментарий</dt>
              <dd className="whitespace-pre-line">{request.comment}</dd>
            </>
          ) : null}
        </dl>
        {request.photos.length ? (
          <ul className="flex flex-wrap gap-3" aria-label="Фото">
            {request.photos.map((p) => (
              <li key={p.id}>
                <a href={`/admin/services/${request.id}/photos/${p.id}`} target="_blank" rel="noreferrer">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a private file, not for the image optimiser */}
                  <img
                    src={`/admin/services/${request.id}/photos/${p.id}`}
                    alt={`Фото: ${p.fileName}`}
                    className="h-24 w-24 rounded-lg border border-slate-200 object-cover"
                  />
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {can('price_confirmed') && !request.priceAcceptedAt ? (
        <section className="card space-y-3" aria-labelledby="st-price">
          <h2 id="st-price">Окончательная цена</h2>
          <ConfirmPriceForm
            action={confirmPriceAction}
            requestId={request.id}
            price={rubField(request.priceKopecks ?? request.catalogPriceKopecks * request.quantity)}
          />
        </section>
      ) : null}
      {customer?.role === 'company_user' && isPayable(request) ? (
        <section className="card space-y-3" aria-labelledby="st-bank">
          <h2 id="st-bank">Оплата по счёту</h2>
          <p className="text-sm text-slate-600">
            Организация может оплатить заявку переводом по счёту № {serviceInvoiceNumber(request.number)}. Когда деньги
            придут по выписке банка, отметьте это — заявка станет оплаченной, заказчику уйдёт письмо.
          </p>
          <BankPaymentForm action={bankPaymentAction} requestId={request.id} today={today} />
        </section>
      ) : null}
      {can('scheduled') ? (
        <section className="card space-y-3" aria-labelledby="st-visit">
          <h2 id="st-visit">{request.status === 'scheduled' ? 'Перенести выезд' : 'Назначить выезд'}</h2>
          <ScheduleForm
            action={scheduleAction}
            requestId={request.id}
            day={visitDay < tomorrow ? tomorrow : visitDay}
            time={request.preferredWindow === 'afternoon' ? '14:00' : '10:00'}
            crew={request.crew ?? ''}
            minDay={today}
          />
        </section>
      ) : null}
      {can('done') ? (
        <section className="card space-y-3" aria-labelledby="st-done">
          <h2 id="st-done">Выполнение</h2>
          <CompleteForm action={completeAction} requestId={request.id} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="st-history">
        <h2 id="st-history" className="mb-3">
          История
        </h2>
        <RequestTimeline events={request.events} />
      </section>

      {can('cancelled') ? (
        <section className="card space-y-3" aria-labelledby="st-cancel">
          <h2 id="st-cancel">Отмена</h2>
          <StaffCancelForm action={staffCancelAction} requestId={request.id} paid={request.paidPaymentId !== null} />
        </section>
      ) : null}
      <p>
        <Link href={`/admin/services?status=${request.status}`}>← К очереди</Link>
      </p>
    </div>
  );
}
