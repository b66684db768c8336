'use client';

import {
  startTransition,
  useActionState,
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import { useForm, type DefaultValues, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { ActionResult, ActionSuccess, FormAction } from '@/lib/actions/result';
import { clientErrorMessage, pickFieldError, serverFieldError } from './field-errors';
import type { FormSchema, LazySchema } from './lazy-schema';

export type { FormSchema } from './lazy-schema';

/** What the form holds (the schema's input): loose for preprocessed fields. */
export type FormInput<TSchema extends FormSchema> = TSchema['_zod']['input'];
/** What the schema produces after parsing. */
export type FormOutput<TSchema extends FormSchema> = TSchema['_zod']['output'];

export type UseActionFormOptions<TSchema extends FormSchema, TData extends object = object> = {
  /** Initial values; also rendered into the server HTML, so the form is filled in without JavaScript. */
  defaultValues?: DefaultValues<FormInput<TSchema>>;
  /** Called once per successful result (after the optional reset). */
  onSuccess?: (result: ActionSuccess<TData>) => void;
  /** Clear the fields back to `defaultValues` after a successful result. Default false. */
  resetOnSuccess?: boolean;
  /** `useActionState` permalink: the page URL to land on when the form is posted before JavaScript loads. */
  permalink?: string;
  /** Base for field ids (`<id>-<name>`, `<id>-<name>-error`); a generated one by default. */
  id?: string;
};

export type ActionFormApi<TSchema extends FormSchema = FormSchema, TData extends object = object> = {
  /** The react-hook-form instance (zod resolver, validates on submit, then on change). */
  form: UseFormReturn<FormInput<TSchema>, unknown, FormOutput<TSchema>>;
  /** The last result of the Server Action, or null before the first submission. */
  state: ActionResult<TData> | null;
  /** For `<form action={formAction}>`: the no-JavaScript path. */
  formAction: (formData: FormData) => void;
  /** True while the browser validates or the Server Action runs. */
  pending: boolean;
  /** For `<form onSubmit={onSubmit}>`: validates with zod, then posts without React resetting the form. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The message to show beside a field: the browser-side one first, else the server's (until the field is edited). */
  fieldError: (name: string) => string | undefined;
  /** Base for field ids. */
  idPrefix: string;
  /** Initial values, so fields can render them into the server HTML. */
  defaultValues: Readonly<Record<string, unknown>>;
};

type Edited = { state: unknown; names: ReadonlySet<string> };

/**
 * Binds a zod schema and a Server Action into one progressively enhanced form:
 *
 * - without JavaScript, `<form action={formAction}>` posts to the Server Action and the page
 *   re-renders with its result (`state`);
 * - with JavaScript, `onSubmit` validates with the same schema first (errors go to react-hook-form,
 *   the first invalid field gets focus), then posts `new FormData(form)` inside a transition. Because
 *   the default submission is prevented, React does not reset the form: what the user typed stays.
 */
export function useActionForm<TSchema extends FormSchema, TData extends object = object>(
  schema: LazySchema<TSchema>,
  action: FormAction<TData>,
  options: UseActionFormOptions<TSchema, TData> = {},
): ActionFormApi<TSchema, TData> {
  const { defaultValues, onSuccess, resetOnSuccess = false, permalink, id } = options;

  const [state, formAction, actionPending] = useActionState<ActionResult<TData> | null, FormData>(
    action,
    null,
    permalink,
  );

  const resolver = useLazyResolver(schema);
  const form = useForm<FormInput<TSchema>, unknown, FormOutput<TSchema>>({
    resolver,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });

  // Server errors of fields the user has touched since that result are hidden.
  const [edited, setEdited] = useState<Edited>({ state: null, names: new Set() });
  const editedNames = edited.state === state ? edited.names : undefined;
  useEffect(() => {
    if (!state || state.ok) return;
    return form.subscribe({
      formState: { values: true },
      callback: ({ name, type }) => {
        if (!name || !type) return; // only the user's own edits, not resets or setValue
        setEdited((prev) => {
          const names = prev.state === state ? prev.names : new Set<string>();
          return names.has(name) ? prev : { state, names: new Set(names).add(name) };
        });
      },
    });
  }, [form, state]);

  // A guard against double submission while the async zod check runs (before `pending` flips).
  const submittingRef = useRef(false);
  useEffect(() => {
    if (!actionPending) submittingRef.current = false;
  }, [actionPending, state]);

  const handleResult = useEffectEvent((result: ActionResult<TData>) => {
    if (!result.ok) return;
    if (resetOnSuccess) form.reset();
    onSuccess?.(result);
  });
  useEffect(() => {
    if (state) handleResult(state);
  }, [state]);

  const errors = form.formState.errors; // read during render: subscribes this form to error changes
  const isSubmitting = form.formState.isSubmitting;
  const pending = actionPending || isSubmitting;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formEl = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter ?? null;
    if (submittingRef.current || actionPending) {
      event.preventDefault();
      return;
    }
    submittingRef.current = true;
    // Hidden inputs (<input type="hidden" name="token">) are not registered with react-hook-form;
    // copy their current values in so zod checks what will actually be posted.
    for (const [name, value] of hiddenInputValues(formEl)) {
      form.setValue(name as never, value as never, { shouldDirty: false, shouldTouch: false, shouldValidate: false });
    }
    const post = () => {
      const formData = submitterFormData(formEl, submitter);
      startTransition(() => formAction(formData));
    };
    // handleSubmit calls preventDefault synchronously, so neither the browser nor React submits;
    // React therefore does not reset the fields after the action finishes.
    void form.handleSubmit(post, (clientErrors) => {
      // Errors only on fields the user cannot see or change (a hidden input, a field the page does
      // not render) would leave them stuck with no message: let the server answer instead.
      if (!Object.keys(clientErrors).some((name) => hasUserControl(formEl, name))) return post();
      submittingRef.current = false;
    })(event);
  };

  const fieldError = (name: string) =>
    pickFieldError(clientErrorMessage(errors, name), serverFieldError(state, name, editedNames));

  const generatedId = useId();
  return {
    form,
    state,
    formAction,
    pending,
    onSubmit,
    fieldError,
    idPrefix: id ?? `f${generatedId.replace(/[^\w-]/g, '')}`,
    defaultValues: (defaultValues ?? {}) as Record<string, unknown>,
  };
}

/** What zod checks with in the browser: the resolver, the Russian messages and the form's schema. */
async function loadZodResolver<TSchema extends FormSchema>(schema: LazySchema<TSchema>) {
  const [{ zodResolver }, , loaded] = await Promise.all([
    import('@hookform/resolvers/zod'),
    // The browser checks with the same Russian wording for zod's own checks as the server.
    import('@/lib/validation/zod-messages'),
    schema.load(),
  ]);
  // zodResolver's zod-4 overload infers `Resolver<z.input<T>, …, z.output<T>>`, which TypeScript
  // cannot relate to `FormInput<TSchema>` while TSchema is still generic; at call sites both are
  // the same type, so this one cast keeps every call site cast-free.
  return zodResolver(loaded) as unknown as Resolver<FormInput<TSchema>, unknown, FormOutput<TSchema>>;
}

/**
 * A resolver that fetches zod and the schema on first use; the fetch starts once the browser is
 * idle after the page loads, so a typed-in form is usually checked without waiting.
 */
function useLazyResolver<TSchema extends FormSchema>(
  schema: LazySchema<TSchema>,
): Resolver<FormInput<TSchema>, unknown, FormOutput<TSchema>> {
  useEffect(() => {
    const warm = () => void loadZodResolver(schema).catch(() => undefined);
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(warm, { timeout: 3_000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(warm, 1_000);
    return () => clearTimeout(handle);
  }, [schema]);
  return async (values, context, options) => {
    const check = await loadZodResolver(schema).catch(() => null);
    // Not fetched (the connection dropped): post as is, the server checks with the same schema.
    if (!check) return { values: values as FormOutput<TSchema>, errors: {} };
    return check(values, context, options);
  };
}

/** FormData including the clicked submit button's name=value, as a native submission would. */
function submitterFormData(formEl: HTMLFormElement, submitter: HTMLElement | null): FormData {
  try {
    return new FormData(formEl, submitter);
  } catch {
    // The submitter is not a submit button of this form (or an old browser): post the fields alone.
    return new FormData(formEl);
  }
}

/** name → value of the form's `<input type="hidden">`s, without React's own `$ACTION_…` fields. */
function hiddenInputValues(formEl: HTMLFormElement): Map<string, string> {
  const out = new Map<string, string>();
  for (const element of Array.from(formEl.elements)) {
    if (
      element instanceof HTMLInputElement &&
      element.type === 'hidden' &&
      element.name &&
      !element.name.startsWith('$ACTION')
    ) {
      out.set(element.name, element.value);
    }
  }
  return out;
}

/** Whether the form has a visible control with this name that could show and fix an error. */
function hasUserControl(formEl: HTMLFormElement, name: string): boolean {
  const item = formEl.elements.namedItem(name);
  if (!item) return false;
  if (item instanceof HTMLInputElement) return item.type !== 'hidden';
  return true;
}
