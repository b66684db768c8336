import type { z } from 'zod';
import type { FieldErrors } from '@/lib/actions/result';
// Russian wording for zod's own checks (missing field, wrong type, too long) before any parse.
import './zod-messages';

/**
 * FormData → a plain object for zod. Repeated names become arrays; Next's own `$ACTION_*`
 * fields are dropped; empty file inputs (a File with no name and no bytes) count as absent.
 */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  // No prototype: a field named `__proto__` (or `constructor`) is just a key, never a way to
  // change what the object inherits.
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue;
    if (typeof value !== 'string' && value.size === 0 && !value.name) continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

/**
 * Fields of the parsed form whose text carries U+0000: Postgres cannot store it (the query fails),
 * and no keyboard types it, so such a form is refused like any other invalid input.
 */
export function unstorableFieldErrors(values: unknown): FieldErrors {
  const out: FieldErrors = {};
  if (values === null || typeof values !== 'object') return out;
  for (const [key, value] of Object.entries(values)) {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    if (list.some((v) => typeof v === 'string' && v.includes('\u0000')))
      out[key] = 'Уберите из поля непечатаемые символы';
  }
  return out;
}

/** The first message per field (dotted path), in the language the schema wrote it in (Russian). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_form';
    out[key] ??= issue.message;
  }
  return out;
}
