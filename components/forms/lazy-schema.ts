import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';

/**
 * Any zod schema whose input is an object of fields. Fields built with `z.preprocess` (see
 * lib/validation/fields.ts) have input type `unknown`, which is fine: the form's values are typed
 * by the schema's *input*, so `{ email: unknown; remember: unknown }` is a valid value shape.
 */
export type FormSchema = z.ZodType<unknown, FieldValues>;

/**
 * A form's schema fetched after the page: zod (about 50 KB gzipped) stays out of the page's
 * first-load JavaScript. The form fetches it when the browser is idle, or at the first submission,
 * whichever comes first; the server parses with the very same schema.
 */
export interface LazySchema<TSchema extends FormSchema> {
  readonly load: () => Promise<TSchema>;
}

/**
 * `lazySchema(() => import('@/lib/readings/schemas'), 'submitReadingsSchema')`: the module is
 * named by a literal `import()` (so the bundler splits it out), the schema by its export name.
 */
export function lazySchema<TModule, TName extends keyof TModule>(
  load: () => Promise<TModule>,
  name: TName,
): LazySchema<Extract<TModule[TName], FormSchema>> {
  let loaded: Promise<Extract<TModule[TName], FormSchema>> | undefined;
  return {
    load: () => (loaded ??= load().then((module) => module[name] as Extract<TModule[TName], FormSchema>)),
  };
}
