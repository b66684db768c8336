// The one shape every Server Action returns, so forms render outcomes the same way everywhere.
// Types and pure helpers only: client components import this module.

/** Field name → the Russian message to show beside that field. */
export type FieldErrors = Partial<Record<string, string>>;

export type ActionFailure = { ok: false; message: string; fieldErrors: FieldErrors };
export type ActionSuccess<T extends object = object> = { ok: true; message?: string } & T;
export type ActionResult<T extends object = object> = ActionSuccess<T> | ActionFailure;

export function fail(message: string, fieldErrors: FieldErrors = {}): ActionFailure {
  return { ok: false, message, fieldErrors };
}

export function succeed<T extends object>(data: T & { message?: string }): ActionSuccess<T> {
  return { ok: true, ...data };
}

/** A Server Action as a form calls it (`useActionState`): the previous result and the form's data. */
export type FormAction<T extends object = object> = (
  prev: ActionResult<T> | null,
  formData: FormData,
) => Promise<ActionResult<T>>;
