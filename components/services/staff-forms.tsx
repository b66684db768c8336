'use client';

import { ActionForm, CheckboxField, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const addServiceSchema = lazySchema(() => import('@/lib/services/schemas'), 'addServiceSchema');
const bankPaymentSchema = lazySchema(() => import('@/lib/services/schemas'), 'bankPaymentSchema');
const changePriceSchema = lazySchema(() => import('@/lib/services/schemas'), 'changePriceSchema');
const completeSchema = lazySchema(() => import('@/lib/services/schemas'), 'completeSchema');
const quoteSchema = lazySchema(() => import('@/lib/services/schemas'), 'quoteSchema');
const retireServiceSchema = lazySchema(() => import('@/lib/services/schemas'), 'retireServiceSchema');
const scheduleSchema = lazySchema(() => import('@/lib/services/schemas'), 'scheduleSchema');
const staffCancelSchema = lazySchema(() => import('@/lib/services/schemas'), 'staffCancelSchema');

// Staff's forms on a request: the final price with its reason, the visit, done, cancel; and the
// catalogue's: a new service, a price from a date, retiring a service.

export function ConfirmPriceForm({
  action,
  requestId,
  price,
}: {
  action: FormAction;
  requestId: string;
  price: string;
}) {
  return (
    <ActionForm
      schema={quoteSchema}
      action={action}
      defaultValues={{ requestId, price, reason: '' }}
      aria-label="Подтвердить цену"
      className="grid gap-3"
    >
      <input type="hidden" name="requestId" value={requestId} />
      <TextField name="price" label="Окончательная цена, ₽" inputMode="decimal" autoComplete="off" required />
      <TextAreaField
        name="reason"
        label="Обоснование цены"
        hint="Что входит в работу; заказчик увидит это в письме и в кабинете"
        rows={2}
        required
      />
      <SubmitButton pendingLabel="Отправляем…">Подтвердить цену</SubmitButton>
    </ActionForm>
  );
}

export function ScheduleForm({
  action,
  requestId,
  day,
  time,
  crew,
  minDay,
}: {
  action: FormAction;
  requestId: string;
  day: string;
  time: string;
  crew: string;
  minDay: string;
}) {
  return (
    <ActionForm
      schema={scheduleSchema}
      action={action}
      defaultValues={{ requestId, day, time, crew }}
      aria-label="Назначить выезд"
      className="grid gap-3"
    >
      <input type="hidden" name="requestId" value={requestId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="day" type="date" label="Дата выезда" min={minDay} required />
        <TextField name="time" type="time" label="Время (МСК)" required />
      </div>
      <TextField name="crew" label="Бригада" hint="Номер и состав, например «Бригада № 2: Иванов, Кузнецов»" required />
      <SubmitButton pendingLabel="Сохраняем…">Назначить выезд</SubmitButton>
    </ActionForm>
  );
}

export function CompleteForm({ action, requestId }: { action: FormAction; requestId: string }) {
  return (
    <ActionForm
      schema={completeSchema}
      action={action}
      defaultValues={{ requestId, note: '' }}
      aria-label="Отметить выполнение"
      className="grid gap-3"
    >
      <input type="hidden" name="requestId" value={requestId} />
      <TextAreaField name="note" label="Что сделано" hint="Попадёт в акт выполненных работ" rows={2} />
      <SubmitButton pendingLabel="Сохраняем…">Работы выполнены</SubmitButton>
    </ActionForm>
  );
}

export function StaffCancelForm({ action, requestId, paid }: { action: FormAction; requestId: string; paid: boolean }) {
  return (
    <ActionForm
      schema={staffCancelSchema}
      action={action}
      defaultValues={{ requestId, reason: '' }}
      aria-label="Отменить заявку"
      className="grid gap-3"
    >
      <input type="hidden" name="requestId" value={requestId} />
      <TextField name="reason" label="Причина отмены" hint="Заказчик получит её в письме" required />
      <SubmitButton variant="danger" pendingLabel="Отменяем…">
        {paid ? 'Отменить и вернуть оплату' : 'Отменить заявку'}
      </SubmitButton>
    </ActionForm>
  );
}

export function AddServiceForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={addServiceSchema}
      action={action}
      defaultValues={{
        code: '',
        title: '',
        category: '',
        description: '',
        unit: 'услуга',
        price: '',
        priceIsFrom: false,
      }}
      aria-label="Новая услуга"
      className="grid gap-3"
    >
      <TextField name="code" label="Код" hint="Латиницей, например PANEL-REPAIR" autoComplete="off" required />
      <TextField name="title" label="Название" autoComplete="off" required />
      <TextField name="category" label="Раздел" hint="Как на странице прейскуранта" autoComplete="off" required />
      <TextAreaField name="description" label="Описание" rows={2} />
      <TextField name="unit" label="Единица" hint="Например: шт., точка, м, услуга" autoComplete="off" required />
      <TextField name="price" label="Цена с НДС, ₽" inputMode="decimal" autoComplete="off" required />
      <CheckboxField name="priceIsFrom" label="Цена «от …»: окончательную назначает мастер после осмотра" />
      <SubmitButton pendingLabel="Добавляем…">Добавить услугу</SubmitButton>
    </ActionForm>
  );
}

export function ChangePriceForm({
  action,
  serviceId,
  title,
  price,
  priceIsFrom,
  minDay,
}: {
  action: FormAction;
  serviceId: string;
  title: string;
  price: string;
  priceIsFrom: boolean;
  minDay: string;
}) {
  return (
    <ActionForm
      schema={changePriceSchema}
      action={action}
      defaultValues={{ serviceId, price, priceIsFrom, effectiveFrom: minDay }}
      aria-label={`Новая цена: ${title}`}
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      <input type="hidden" name="serviceId" value={serviceId} />
      <TextField name="price" label="Новая цена, ₽" inputMode="decimal" autoComplete="off" required />
      <TextField name="effectiveFrom" label="Действует с" type="date" min={minDay} required />
      <CheckboxField name="priceIsFrom" label="Цена «от …»" className="sm:col-span-3" />
      <SubmitButton pendingLabel="Сохраняем…">Изменить цену</SubmitButton>
    </ActionForm>
  );
}

export function RetireServiceForm({
  action,
  serviceId,
  title,
}: {
  action: FormAction;
  serviceId: string;
  title: string;
}) {
  return (
    <ActionForm
      schema={retireServiceSchema}
      action={action}
      defaultValues={{ serviceId }}
      aria-label={`Снять с продажи: ${title}`}
    >
      <input type="hidden" name="serviceId" value={serviceId} />
      <SubmitButton variant="secondary" pendingLabel="Снимаем…">
        Снять с продажи
      </SubmitButton>
    </ActionForm>
  );
}

export function BankPaymentForm({
  action,
  requestId,
  today,
}: {
  action: FormAction;
  requestId: string;
  today: string;
}) {
  return (
    <ActionForm
      schema={bankPaymentSchema}
      action={action}
      defaultValues={{ requestId, receivedOn: today, orderNumber: '' }}
      aria-label="Оплата по счёту получена"
      className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
    >
      <input type="hidden" name="requestId" value={requestId} />
      <TextField name="receivedOn" label="Дата поступления" type="date" max={today} required />
      <TextField
        name="orderNumber"
        label="Номер платёжного поручения"
        inputMode="numeric"
        autoComplete="off"
        required
      />
      <SubmitButton pendingLabel="Записываем…">Оплата по счёту получена</SubmitButton>
    </ActionForm>
  );
}
