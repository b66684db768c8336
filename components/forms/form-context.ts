'use client';

import { createContext, useContext } from 'react';
import type { ActionFormApi, FormSchema } from './use-action-form';

/** The `useActionForm` API of the nearest `<ActionForm>`, or null outside one. */
export const FormApiContext = createContext<ActionFormApi | null>(null);

/**
 * The API of the enclosing `<ActionForm>` (react-hook-form instance, action state, `fieldError`).
 * Throws outside an ActionForm; fields that also work on their own use `useOptionalFormApi`.
 */
export function useFormApi<TSchema extends FormSchema = FormSchema, TData extends object = object>(): ActionFormApi<
  TSchema,
  TData
> {
  const api = useContext(FormApiContext);
  if (!api) throw new Error('useFormApi() must be called inside <ActionForm>');
  return api as unknown as ActionFormApi<TSchema, TData>;
}

/** Like `useFormApi`, but null outside an `<ActionForm>` (e.g. a field in a plain server-rendered form). */
export function useOptionalFormApi(): ActionFormApi | null {
  return useContext(FormApiContext);
}
