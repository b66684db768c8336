'use client';

import { ActionForm, CheckboxField, PasswordField, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';
import { CONSENT_DOCUMENT_PATH } from '@/lib/auth/consent';
import { PASSWORD_MIN } from '@/lib/validation/password-length';
import { PasswordStrength } from './password-strength';

const registrationSchema = lazySchema(() => import('@/lib/auth/schemas'), 'registrationSchema');

const empty = {
  accountNumber: '',
  fullName: '',
  email: '',
  phone: '',
  address: '',
  password: '',
  passwordConfirm: '',
  consent: false,
};

export function RegistrationForm({ action }: { action: FormAction }) {
  return (
    <ActionForm schema={registrationSchema} action={action} defaultValues={empty} className="space-y-4">
      <TextField
        name="accountNumber"
        label="Номер абонента"
        hint="Указан в договоре энергоснабжения и в квитанции"
        inputMode="numeric"
        autoComplete="off"
        required
      />
      <TextField name="fullName" label="ФИО" hint="Как в договоре" autoComplete="name" required />
      <TextField
        name="email"
        label="Электронная почта"
        type="email"
        autoComplete="email"
        required
        hint="Пришлём ссылку для подтверждения"
      />
      <TextField name="phone" label="Телефон" type="tel" autoComplete="tel" placeholder="+7 900 000-00-00" required />
      <TextField
        name="address"
        label="Адрес, по которому поставляется электроэнергия"
        hint="Город или посёлок, улица, дом, квартира"
        autoComplete="street-address"
        required
      />
      <PasswordField
        name="password"
        label="Пароль"
        hint={`Не короче ${PASSWORD_MIN} символов; удобно взять фразу из нескольких слов`}
        autoComplete="new-password"
        required
      />
      <PasswordStrength />
      <PasswordField name="passwordConfirm" label="Пароль ещё раз" autoComplete="new-password" required />
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
      <SubmitButton pendingLabel="Отправляем…">Зарегистрироваться</SubmitButton>
    </ActionForm>
  );
}
