'use client';

import { createContext, useContext } from 'react';
import type { ActionFormApi } from './use-action-form';

/** The `useActionForm` API of the nearest `<ActionForm>`, or null outside one. */
export const FormApiContext = createContext<ActionFormApi | null>(null);

/**
 * The API of the enclosing `<ActionForm>` (react-hook-form instance, action state, `fieldError`), or
 * null outside one (a field in a plain server-rendered form).
 */
export function useOptionalFormApi(): ActionFormApi | null {
  return useContext(FormApiContext);
}

/** The API of the enclosing `<ActionForm>`; for parts that only make sense inside one. */
export function useFormApi(): ActionFormApi {
  const api = useContext(FormApiContext);
  if (!api) throw new Error('useFormApi() must be called inside <ActionForm>');
  return api;
}
