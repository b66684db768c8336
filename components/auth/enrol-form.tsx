'use client';

import Link from 'next/link';
import { ActionForm, SubmitButton, TextField, lazySchema } from '@/components/forms';
import type { FormAction } from '@/lib/actions/result';

const enrolSchema = lazySchema(() => import('@/lib/auth/schemas'), 'enrolSchema');

/** The confirmation code; on success the ten recovery codes are shown here, this once. */
export function EnrolForm({ action }: { action: FormAction<{ recoveryCodes: string[] }> }) {
  return (
    <ActionForm
      schema={enrolSchema}
      action={action}
      defaultValues={{ code: '' }}
      className="space-y-4"
      successContent={(result) => (
        <div className="space-y-3" role="status">
          <p className="font-semibold">Второй фактор подключён. Коды восстановления — каждый действует один раз:</p>
          <ul className="grid grid-cols-2 gap-2 font-mono" data-testid="recovery-codes">
            {result.recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
          <p className="text-sm text-slate-600">
            Распечатайте или запишите их и храните отдельно от телефона. Больше мы их не покажем.
          </p>
          <Link href="/admin" className="btn-primary inline-block">
            Перейти в консоль
          </Link>
        </div>
      )}
    >
      <TextField name="code" label="Код из приложения" autoComplete="one-time-code" inputMode="numeric" required />
      <SubmitButton pendingLabel="Проверяем…">Подключить</SubmitButton>
    </ActionForm>
  );
}
