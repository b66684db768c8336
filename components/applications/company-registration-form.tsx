'use client';

import { PasswordStrength } from '@/components/auth/password-strength';
import { ActionForm, CheckboxField, PasswordField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { CONSENT_DOCUMENT_PATH } from '@/lib/auth/consent';
import { PASSWORD_MIN } from '@/lib/validation/password-length';

const companyRegistrationSchema = lazySchema(() => import('@/lib/applications/schemas'), 'companyRegistrationSchema');

const empty = {
  companyName: '',
  inn: '',
  kpp: '',
  ogrn: '',
  legalAddress: '',
  fullName: '',
  email: '',
  phone: '',
  password: '',
  passwordConfirm: '',
  consent: false,
};

export function CompanyRegistrationForm({ action }: { action: FormAction }) {
  return (
    <ActionForm
      schema={companyRegistrationSchema}
      action={action}
      defaultValues={empty}
      className="space-y-4"
      aria-label="Регистрация организации"
    >
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Организация</legend>
        <TextField
          name="companyName"
          label="Наименование"
          hint="Как в ЕГРЮЛ/ЕГРИП, например ООО «Ромашка»"
          autoComplete="organization"
          required
        />
        <TextField
          name="inn"
          label="ИНН"
          hint="10 цифр у организации, 12 у ИП"
          inputMode="numeric"
          autoComplete="off"
          required
        />
        <TextField name="kpp" label="КПП" hint="У организации; у ИП не заполняется" autoComplete="off" />
        <TextField name="ogrn" label="ОГРН / ОГРНИП" hint="Необязательно" inputMode="numeric" autoComplete="off" />
        <TextField name="legalAddress" label="Юридический адрес" autoComplete="street-address" required />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Владелец кабинета</legend>
        <TextField
          name="fullName"
          label="ФИО"
          hint="Руководитель или уполномоченное лицо"
          autoComplete="name"
          required
        />
        <TextField
          name="email"
          label="Рабочая электронная почта"
          type="email"
          autoComplete="email"
          hint="Логин кабинета; пришлём ссылку для подтверждения"
          required
        />
        <TextField name="phone" label="Телефон" type="tel" autoComplete="tel" placeholder="+7 900 000-00-00" required />
        <PasswordField
          name="password"
          label="Пароль"
          hint={`Не короче ${PASSWORD_MIN} символов; удобно взять фразу из нескольких слов`}
          autoComplete="new-password"
          required
        />
        <PasswordStrength />
        <PasswordField name="passwordConfirm" label="Пароль ещё раз" autoComplete="new-password" required />
      </fieldset>
      <CheckboxField
        name="consent"
        label={
          <>
            Даю согласие на обработку персональных данных в соответствии с 152-ФЗ (
            <a href={CONSENT_DOCUMENT_PATH} target="_blank" rel="noreferrer">
              текст согласия
            </a>
            )
          </>
        }
      />
      <SubmitButton pendingLabel="Отправляем…">Зарегистрировать организацию</SubmitButton>
    </ActionForm>
  );
}
