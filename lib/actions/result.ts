// The one shape every Server Action returns, so forms render outcomes the same way everywhere.

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
