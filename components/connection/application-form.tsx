'use client';

import { ActionForm, CheckboxField, SelectField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import { FileField } from '@/components/meters/file-field';
import type { FormAction } from '@/lib/actions/result';
import { connectionFee, formatKw, RATE_CATEGORY_LABEL, type RateCategory } from '@/lib/connection/calculator';
import { REASON_LABEL, REASONS, VOLTAGE_LABEL, VOLTAGES } from '@/lib/connection/schemas';
import { CONNECTION_DOC_MAX_BYTES, DOCUMENT_LABEL, type DocumentKind, docField } from '@/lib/connection/documents';
import { formatRub } from '@/lib/format/money';

const applicationSchema = lazySchema(() => import('@/lib/connection/schemas'), 'applicationSchema');

// The application for technological connection (п. 9 of the Rules) with the documents of п. 10 and
// the calculator: the fee for the applicant's category by the rates in force, shown as they type.

function watts(value: unknown): number {
  const s = typeof value === 'string' ? value.replace(/[\s\u00a0]/g, '').replace(',', '.') : '';
  if (!/^\d{1,3}(\.\d{1,3})?$/.test(s)) return 0;
  const [whole, part = ''] = s.split('.');
  return Number(whole) * 1000 + Number(part.padEnd(3, '0'));
}

export function ApplicationForm({
  action,
  applicantKind,
  accounts,
  applicantName,
  phone,
  rates,
  documents,
}: {
  action: FormAction;
  applicantKind: 'person' | 'business';
  accounts: { id: string; label: string }[];
  applicantName: string;
  phone: string;
  rates: Record<RateCategory, number | null>;
  documents: { kind: DocumentKind; required: boolean }[];
}) {
  const single = accounts.length === 1 ? accounts[0] : undefined;
  return (
    <ActionForm
      schema={applicationSchema}
      action={action}
      aria-label="Заявка на технологическое присоединение"
      defaultValues={{
        accountId: single?.id ?? '',
        applicantName,
        registryRecord: '',
        passport: '',
        snils: '',
        applicantAddress: '',
        reason: 'new',
        objectName: '',
        objectAddress: '',
        cadastralNumber: '',
        maxPower: '',
        existingPower: '',
        reliabilityCategory: '3',
        voltage: '0.4',
        loadCharacter: 'Бытовая',
        plannedDesignBy: '',
        plannedCommissioningBy: '',
        contactPhone: phone,
        installments: false,
        consent: false,
      }}
    >
      {(api) => {
        const max = watts(api.form.watch('maxPower'));
        const existing = watts(api.form.watch('existingPower'));
        const category = Number(api.form.watch('reliabilityCategory')) || 3;
        const fee =
          max > 0 && max <= 150_000 && existing < max
            ? connectionFee(
                { applicantKind, maxPowerW: max, existingPowerW: existing, reliabilityCategory: category },
                rates,
              )
            : null;
        return (
          <>
            <fieldset className="grid gap-4">
              <legend className="mb-2 text-lg font-semibold">Заявитель</legend>
              {single ? (
                <input type="hidden" name="accountId" value={single.id} />
              ) : (
                <SelectField
                  name="accountId"
                  label="Лицевой счёт заявителя"
                  placeholder="Выберите счёт"
                  options={accounts.map((a) => ({ value: a.id, label: a.label }))}
                  required
                />
              )}
              <TextField
                name="applicantName"
                label={
                  applicantKind === 'person' ? 'Фамилия, имя, отчество' : 'Полное наименование организации / ФИО ИП'
                }
                required
              />
              {applicantKind === 'person' ? (
                <>
                  <TextField
                    name="passport"
                    label="Паспорт: серия, номер, кем и когда выдан"
                    autoComplete="off"
                    required
                  />
                  <TextField name="snils" label="СНИЛС" hint="Необязательно: 123-456-789 01" autoComplete="off" />
                </>
              ) : (
                <TextField name="registryRecord" label="Номер и дата записи в ЕГРЮЛ / ЕГРИП" required />
              )}
              <TextField name="applicantAddress" label="Адрес заявителя (фактический, с индексом)" required />
              <TextField name="contactPhone" label="Контактный телефон" type="tel" autoComplete="tel" required />
            </fieldset>

            <fieldset className="grid gap-4">
              <legend className="mb-2 text-lg font-semibold">Объект</legend>
              <SelectField
                name="reason"
                label="Причина обращения"
                options={REASONS.map((r) => ({ value: r, label: REASON_LABEL[r] }))}
                required
              />
              <TextField name="objectName" label="Объект (что присоединяется)" hint="Например: жилой дом" required />
              <TextField
                name="objectAddress"
                label="Адрес объекта"
                hint="Если адреса ещё нет, укажите ориентир"
                required
              />
              <TextField
                name="cadastralNumber"
                label="Кадастровый номер участка"
                hint="Как в выписке ЕГРН: 50:21:0123456:789"
                required
              />
              <TextField
                name="maxPower"
                label="Максимальная мощность, кВт"
                hint="Всего, включая ранее присоединённую"
                inputMode="decimal"
                required
              />
              <TextField
                name="existingPower"
                label="Ранее присоединённая мощность, кВт"
                hint="0 или пусто для нового присоединения"
                inputMode="decimal"
              />
              <SelectField
                name="reliabilityCategory"
                label="Категория надёжности"
                options={[
                  { value: '3', label: 'III категория (один источник питания)' },
                  { value: '2', label: 'II категория (два источника питания)' },
                ]}
                required
              />
              <SelectField
                name="voltage"
                label="Класс напряжения"
                options={VOLTAGES.map((v) => ({ value: v, label: VOLTAGE_LABEL[v] }))}
                required
              />
              <TextField name="loadCharacter" label="Характер нагрузки (вид деятельности)" required />
              <TextField name="plannedDesignBy" label="Срок проектирования (необязательно)" type="date" />
              <TextField name="plannedCommissioningBy" label="Срок ввода в эксплуатацию (необязательно)" type="date" />
            </fieldset>

            <section className="rounded-lg border border-brand-200 bg-brand-50 p-3" aria-live="polite">
              <h3 className="font-semibold">Калькулятор платы</h3>
              {fee ? (
                <p data-testid="connection-fee">
                  {RATE_CATEGORY_LABEL[fee.category]}: {formatRub(fee.kopecksPerKw)} за кВт × {formatKw(fee.newPowerW)}{' '}
                  = <strong>{formatRub(fee.kopecks)}</strong>
                </p>
              ) : (
                <p className="text-sm text-slate-600">Укажите мощность — мы посчитаем плату по действующей ставке.</p>
              )}
              <p className="text-sm text-slate-600">
                Окончательная сумма — в счёте, который мы разместим вместе с договором.
              </p>
            </section>
            {fee?.category === 'household_preferential' ? (
              <CheckboxField
                name="installments"
                label="Оплатить в рассрочку"
                hint="15 % в течение 5 рабочих дней, 30 % — 20 дней и 35 % — 40 дней со дня счёта, 20 % — 10 дней после акта"
              />
            ) : null}

            <fieldset className="grid gap-4">
              <legend className="mb-2 text-lg font-semibold">Документы</legend>
              <p className="text-sm text-slate-600">
                PDF, JPEG или PNG, до {CONNECTION_DOC_MAX_BYTES / 1024 / 1024}&nbsp;МБ каждый. Сетевая организация не
                вправе требовать документы, не предусмотренные Правилами технологического присоединения.
              </p>
              {documents.map((d) => (
                <FileField
                  key={d.kind}
                  name={docField(d.kind)}
                  label={`${DOCUMENT_LABEL[d.kind]}${d.required ? '' : ' (необязательно)'}`}
                  accept="application/pdf,image/jpeg,image/png"
                  documents
                  shrinkAbove={CONNECTION_DOC_MAX_BYTES}
                />
              ))}
            </fieldset>
            <CheckboxField
              name="consent"
              label="Согласен на обработку персональных данных (152-ФЗ)"
              hint="Без согласия заявку не рассмотреть"
            />
            <SubmitButton pendingLabel="Отправляем…">Подать заявку</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
