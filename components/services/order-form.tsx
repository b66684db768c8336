'use client';

import { ActionForm, SelectField, SubmitButton, TextAreaField, TextField, lazySchema } from '@/components/forms';
import { FileField } from '@/components/meters/file-field';
import type { FormAction } from '@/lib/actions/result';
import { PREFERRED_WINDOW_LABEL, PREFERRED_WINDOWS } from '@/lib/services/preferred-windows';

const orderSchema = lazySchema(() => import('@/lib/services/schemas'), 'orderSchema');

export interface ServiceOption {
  value: string;
  label: string;
}

export interface AccountOption {
  id: string;
  label: string;
  address: string;
}

/** The order of a paid service: what, how much, where, when, how to reach the customer, photos. */
export function OrderForm({
  action,
  services,
  accounts,
  selectedService,
  phone,
  minDate,
  maxDate,
}: {
  action: FormAction;
  services: ServiceOption[];
  accounts: AccountOption[];
  selectedService: string;
  phone: string;
  minDate: string;
  maxDate: string;
}) {
  const single = accounts.length === 1 ? accounts[0] : undefined;
  return (
    <ActionForm
      schema={orderSchema}
      action={action}
      aria-label="Заявка на платную услугу"
      defaultValues={{
        serviceId: selectedService,
        quantity: '1',
        accountId: single?.id ?? '',
        addressMode: 'account',
        otherAddress: '',
        preferredDate: '',
        preferredWindow: 'any',
        contactPhone: phone,
        comment: '',
      }}
    >
      {(api) => {
        const other = api.form.watch('addressMode') === 'other';
        return (
          <>
            <SelectField name="serviceId" label="Услуга" placeholder="Выберите услугу" options={services} required />
            <TextField
              name="quantity"
              label="Количество"
              inputMode="numeric"
              hint="Единица указана в прейскуранте: точка, штука, щит"
              required
            />
            {single ? (
              <input type="hidden" name="accountId" value={single.id} />
            ) : (
              <SelectField
                name="accountId"
                label="Лицевой счёт заказчика"
                placeholder="Выберите счёт"
                options={accounts.map((a) => ({ value: a.id, label: a.label }))}
                required
              />
            )}
            <SelectField
              name="addressMode"
              label="Адрес выполнения работ"
              options={[
                {
                  value: 'account',
                  label: single ? `По адресу лицевого счёта: ${single.address}` : 'По адресу выбранного лицевого счёта',
                },
                { value: 'other', label: 'Другой адрес' },
              ]}
              required
            />
            {other ? (
              <TextField
                name="otherAddress"
                label="Другой адрес"
                hint="Населённый пункт, улица, дом; если адреса нет — ориентир"
                autoComplete="street-address"
                required
              />
            ) : null}
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                name="preferredDate"
                type="date"
                label="Желаемая дата"
                min={minDate}
                max={maxDate}
                hint="Необязательно; точную дату назначит диспетчер"
              />
              <SelectField
                name="preferredWindow"
                label="Удобное время"
                options={PREFERRED_WINDOWS.map((w) => ({ value: w, label: PREFERRED_WINDOW_LABEL[w] }))}
              />
            </div>
            <TextField
              name="contactPhone"
              type="tel"
              label="Контактный телефон"
              autoComplete="tel"
              hint="Мастер позвонит перед выездом"
              required
            />
            <TextAreaField
              name="comment"
              label="Комментарий"
              hint="Что случилось, как пройти, когда удобно — всё, что поможет мастеру"
              rows={3}
            />
            <FileField
              name="photo1"
              label="Фото (необязательно)"
              hint="Например, щит или повреждённая проводка. JPEG, PNG или WebP, до 2 МБ."
              shrinkAbove={450 * 1024}
            />
            <FileField name="photo2" label="Ещё одно фото (необязательно)" shrinkAbove={450 * 1024} />
            <SubmitButton pendingLabel="Отправляем…">Отправить заявку</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
