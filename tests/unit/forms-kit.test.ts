import { zodResolver } from '@hookform/resolvers/zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  clientErrorMessage,
  describedBy,
  fieldIds,
  pickFieldError,
  serverFieldError,
} from '@/components/forms/field-errors';
import { useActionForm } from '@/components/forms/use-action-form';
import { fail, succeed, type ActionResult } from '@/lib/actions/result';
import { checkbox, currentPassword, email, requiredText } from '@/lib/validation/fields';

const schema = z.object({ login: requiredText('Логин'), email, password: currentPassword, remember: checkbox });

/** What react-hook-form gets from the resolver for these values (no DOM needed). */
async function resolve(values: Record<string, unknown>) {
  return zodResolver(schema)(values as z.input<typeof schema>, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  });
}

describe('client validation with the shared zod schema', () => {
  it('maps zod issues to react-hook-form errors keyed by field name, in Russian', async () => {
    const { errors } = await resolve({ login: '   ', email: 'нет', password: '', remember: false });
    expect(clientErrorMessage(errors, 'login')).toBe('Заполните поле «Логин»');
    expect(clientErrorMessage(errors, 'email')).toMatch(/^Проверьте адрес электронной почты/);
    expect(clientErrorMessage(errors, 'password')).toBe('Введите пароль');
    expect(clientErrorMessage(errors, 'remember')).toBeUndefined();
  });

  it('accepts a checkbox as react-hook-form reports it (true) and as the browser posts it ("on")', async () => {
    for (const remember of [true, 'on']) {
      const result = await resolve({ login: ' ivanov ', email: 'A@B.RU', password: 'x', remember });
      expect(result.errors).toEqual({});
      expect(result.values).toEqual({ login: 'ivanov', email: 'a@b.ru', password: 'x', remember: true });
    }
  });
});

describe('which message a field shows', () => {
  const failed: ActionResult = fail('Проверьте выделенные поля', { email: 'Этот адрес уже зарегистрирован' });

  it('shows the server error until the user edits that field', () => {
    expect(serverFieldError(failed, 'email')).toBe('Этот адрес уже зарегистрирован');
    expect(serverFieldError(failed, 'email', new Set(['email']))).toBeUndefined();
    expect(serverFieldError(failed, 'login')).toBeUndefined();
    expect(serverFieldError(succeed({}), 'email')).toBeUndefined();
    expect(serverFieldError(null, 'email')).toBeUndefined();
  });

  it('prefers the browser-side message over the server one', () => {
    expect(pickFieldError('Укажите адрес', 'Этот адрес уже зарегистрирован')).toBe('Укажите адрес');
    expect(pickFieldError(undefined, 'Этот адрес уже зарегистрирован')).toBe('Этот адрес уже зарегистрирован');
    expect(pickFieldError('', undefined)).toBeUndefined();
  });

  it('reads nested react-hook-form errors by dotted name', () => {
    expect(clientErrorMessage({ address: { city: { type: 'x', message: 'Укажите город' } } }, 'address.city')).toBe(
      'Укажите город',
    );
    expect(clientErrorMessage({}, 'address.city')).toBeUndefined();
  });

  it('points aria-describedby only at parts that exist', () => {
    const ids = fieldIds('login-email');
    expect(ids).toEqual({ input: 'login-email', hint: 'login-email-hint', error: 'login-email-error' });
    expect(describedBy(ids.hint, null, ids.error)).toBe('login-email-hint login-email-error');
    expect(describedBy(undefined, false)).toBeUndefined();
  });
});

// Compile-time only (never called): call sites need no casts, including preprocessed fields.
export function useTypeCheckOnly(
  action: (prev: ActionResult<{ id: string }> | null, formData: FormData) => Promise<ActionResult<{ id: string }>>,
) {
  const api = useActionForm({ load: async () => schema }, action, {
    defaultValues: { login: '', email: '', password: '', remember: false },
    onSuccess: (result) => result.id.toUpperCase(),
  });
  api.form.register('remember');
  // @ts-expect-error — not a field of the schema
  api.form.register('nope');
  return api.state?.ok ? api.state.id : api.fieldError('login');
}
