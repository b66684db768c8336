// Pure helpers behind the form kit: no React, no DOM, so unit tests can run them in Node.

import type { ActionResult } from '@/lib/actions/result';

/** The server's message for one field, unless the user has edited that field since. */
export function serverFieldError(
  state: ActionResult<object> | null | undefined,
  name: string,
  edited: ReadonlySet<string> = new Set(),
): string | undefined {
  if (!state || state.ok || edited.has(name)) return undefined;
  return state.fieldErrors[name] || undefined;
}

/** What a field shows: the browser-side (zod via react-hook-form) message first, else the server's. */
export function pickFieldError(clientMessage: unknown, serverMessage: string | undefined): string | undefined {
  if (typeof clientMessage === 'string' && clientMessage !== '') return clientMessage;
  return serverMessage;
}

/** The react-hook-form error message at a (possibly dotted) field name. */
export function clientErrorMessage(errors: object, name: string): string | undefined {
  let node: unknown = errors;
  for (const key of name.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node === null || typeof node !== 'object') return undefined;
  const message = (node as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}

/** `aria-describedby` from the ids that exist; undefined (no attribute) when none do. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length ? present.join(' ') : undefined;
}

/** Ids of a field's parts, derived from one base id so label, hint and error always match. */
export function fieldIds(baseId: string) {
  return { input: baseId, hint: `${baseId}-hint`, error: `${baseId}-error` };
}
