'use client';

import {
  useId,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type FocusEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, fieldIds } from './field-errors';
import { useOptionalFormApi } from './form-context';

// Fields register themselves with the enclosing <ActionForm> by `name`; outside one they are plain
// named inputs (pass `error` yourself). Every field: a visible <label>, an optional hint, the error in
// red under the control, aria-invalid + aria-describedby, 16 px text (no zoom on phones), ≥ 44 px tall.

type CommonFieldProps = {
  /** The FormData key, the schema key and the `fieldErrors` key. */
  name: string;
  label: ReactNode;
  /** Help shown under the label, read out with the field. */
  hint?: ReactNode;
  /** Marks the field required for assistive technology and with an asterisk (validation is zod's). */
  required?: boolean;
  /** An error to show instead of the form's (for fields used outside <ActionForm>). */
  error?: string;
  /** Defaults to `<form id>-<name>` inside ActionForm; the error is `<id>-error`, the hint `<id>-hint`. */
  id?: string;
  /** Classes of the wrapper (e.g. grid placement). */
  className?: string;
};

const controlBase =
  'block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm ' +
  'placeholder:text-slate-400 focus:border-brand-500 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 ' +
  'aria-invalid:border-danger-600 aria-invalid:ring-1 aria-invalid:ring-danger-600';

type Merged<E extends HTMLElement> = {
  name: string;
  ref?: UseFormRegisterReturn['ref'];
  onChange?: (event: ChangeEvent<E>) => void;
  onBlur?: (event: FocusEvent<E>) => void;
};

/** Shared wiring: ids, the message to show, react-hook-form registration, the default value. */
function useField<E extends HTMLElement>(
  { name, id, error }: Pick<CommonFieldProps, 'name' | 'id' | 'error'>,
  handlers: { onChange?: (event: ChangeEvent<E>) => void; onBlur?: (event: FocusEvent<E>) => void } = {},
) {
  const api = useOptionalFormApi();
  const autoId = useId();
  const base = id ?? (api ? `${api.idPrefix}-${name.replace(/[^\w-]/g, '-')}` : `f${autoId.replace(/[^\w-]/g, '')}`);
  const ids = fieldIds(base);
  const message = error ?? api?.fieldError(name);
  const registration = api?.form.register(name);
  const { onChange, onBlur } = handlers;
  const bind: Merged<E> = registration
    ? {
        name: registration.name,
        ref: registration.ref,
        onChange: (event) => {
          void registration.onChange(event);
          onChange?.(event);
        },
        onBlur: (event) => {
          void registration.onBlur(event);
          onBlur?.(event);
        },
      }
    : { name, onChange, onBlur };
  const formDefault = api ? valueAt(api.defaultValues, name) : undefined;
  return { ids, message, bind, formDefault };
}

function valueAt(values: Readonly<Record<string, unknown>>, name: string): unknown {
  let node: unknown = values;
  for (const key of name.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function asInputDefault(value: unknown): string | number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

// The asterisk sits outside the <label>: the label's text stays exactly the field's name (what a
// screen reader says and what `getByLabel('Пароль', { exact: true })` matches); `required` tells AT.
function RequiredMark({ required }: { required?: boolean }) {
  return required ? (
    <span aria-hidden="true" className="ml-0.5 text-danger-600">
      *
    </span>
  ) : null;
}

function Label({ htmlFor, required, children }: { htmlFor: string; required?: boolean; children: ReactNode }) {
  return (
    <div className="font-medium text-slate-900">
      <label htmlFor={htmlFor}>{children}</label>
      <RequiredMark required={required} />
    </div>
  );
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm text-slate-600">
      {children}
    </p>
  );
}

/** The red message under a control. Exported for custom fields (give it the `-error` id you reference). */
export function FieldError({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="mt-1.5 flex gap-1.5 text-sm font-medium text-danger-600">
      <svg
        aria-hidden="true"
        className="mt-0.5 shrink-0"
        width="14"
        height="14"
        viewBox="0 0 20 20"
        fill="currentColor"
      >
        <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-.9 4.5h1.8v5.5H9.1V6Zm.9 9a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z" />
      </svg>
      <span>
        <span className="sr-only">Ошибка: </span>
        {children}
      </span>
    </p>
  );
}

// ---------------------------------------------------------------------------------------------

type InputPassThrough = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  | 'name'
  | 'id'
  | 'type'
  | 'value'
  | 'defaultValue'
  | 'children'
  | 'required'
  | 'className'
  | 'aria-invalid'
  | 'aria-describedby'
>;

export type TextFieldProps = CommonFieldProps &
  InputPassThrough & {
    type?:
      | 'text'
      | 'email'
      | 'tel'
      | 'url'
      | 'search'
      | 'number'
      | 'date'
      | 'datetime-local'
      | 'month'
      | 'time'
      | 'password';
    defaultValue?: string | number;
    /** Classes of the <input> itself, added to the defaults. */
    inputClassName?: string;
  };

export function TextField(props: TextFieldProps) {
  const {
    name,
    label,
    hint,
    required,
    error,
    id,
    className,
    type = 'text',
    defaultValue,
    inputClassName = '',
    onChange,
    onBlur,
    ...rest
  } = props;
  const { ids, message, bind, formDefault } = useField<HTMLInputElement>({ name, id, error }, { onChange, onBlur });
  return (
    <div className={className}>
      <Label htmlFor={ids.input} required={required}>
        {label}
      </Label>
      {hint ? <Hint id={ids.hint}>{hint}</Hint> : null}
      <input
        {...rest}
        {...bind}
        id={ids.input}
        type={type}
        required={required}
        defaultValue={defaultValue ?? asInputDefault(formDefault)}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(hint ? ids.hint : null, message ? ids.error : null)}
        className={`mt-1.5 ${controlBase} ${inputClassName}`}
      />
      <FieldError id={ids.error}>{message}</FieldError>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

export type PasswordFieldProps = Omit<TextFieldProps, 'type'> & {
  autoComplete?: 'current-password' | 'new-password' | 'off';
  /** Text of the reveal toggle. Default «Показать». */
  showLabel?: string;
};

// True only after hydration: the reveal button needs JavaScript, so the server HTML leaves it out.
const noopSubscribe = () => () => {};
function useHydrated() {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

/** A password input with a «Показать» toggle (a real button: Tab, Enter/Space; aria-pressed tells its state). */
export function PasswordField(props: PasswordFieldProps) {
  const {
    name,
    label,
    hint,
    required,
    error,
    id,
    className,
    defaultValue,
    inputClassName = '',
    showLabel = 'Показать',
    autoComplete = 'current-password',
    onChange,
    onBlur,
    ...rest
  } = props;
  const { ids, message, bind, formDefault } = useField<HTMLInputElement>({ name, id, error }, { onChange, onBlur });
  const [visible, setVisible] = useState(false);
  const hydrated = useHydrated();
  return (
    <div className={className}>
      <Label htmlFor={ids.input} required={required}>
        {label}
      </Label>
      {hint ? <Hint id={ids.hint}>{hint}</Hint> : null}
      <div className="relative mt-1.5">
        <input
          {...rest}
          {...bind}
          id={ids.input}
          type={visible ? 'text' : 'password'}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required={required}
          defaultValue={defaultValue ?? asInputDefault(formDefault)}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(hint ? ids.hint : null, message ? ids.error : null)}
          className={`${controlBase} ${hydrated ? 'pr-28' : ''} ${inputClassName}`}
        />
        {hydrated ? (
          <button
            type="button"
            aria-pressed={visible}
            aria-controls={ids.input}
            onClick={() => setVisible((v) => !v)}
            className="absolute inset-y-0 right-0 my-auto mr-1 flex h-9 min-w-11 items-center justify-center rounded-md px-3 text-sm font-semibold text-brand-600 hover:bg-brand-50 aria-pressed:bg-brand-100 aria-pressed:text-brand-700"
          >
            <span aria-hidden="true" className="mr-1.5">
              {visible ? <EyeOffIcon /> : <EyeIcon />}
            </span>
            {showLabel}
          </button>
        ) : null}
      </div>
      <FieldError id={ids.error}>{message}</FieldError>
    </div>
  );
}

function EyeIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M1.5 10S4.5 4 10 4s8.5 6 8.5 6-3 6-8.5 6-8.5-6-8.5-6Z" />
      <circle cx="10" cy="10" r="2.5" />
    </svg>
  );
}

function EyeOffIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M1.5 10S4.5 4 10 4s8.5 6 8.5 6-3 6-8.5 6-8.5-6-8.5-6Z" />
      <circle cx="10" cy="10" r="2.5" />
      <path d="M3 17 17 3" />
    </svg>
  );
}

// ---------------------------------------------------------------------------------------------

export type TextAreaFieldProps = CommonFieldProps &
  Omit<
    TextareaHTMLAttributes<HTMLTextAreaElement>,
    | 'name'
    | 'id'
    | 'value'
    | 'defaultValue'
    | 'children'
    | 'required'
    | 'className'
    | 'aria-invalid'
    | 'aria-describedby'
  > & {
    defaultValue?: string;
    inputClassName?: string;
  };

export function TextAreaField(props: TextAreaFieldProps) {
  const {
    name,
    label,
    hint,
    required,
    error,
    id,
    className,
    defaultValue,
    inputClassName = '',
    rows = 4,
    onChange,
    onBlur,
    ...rest
  } = props;
  const { ids, message, bind, formDefault } = useField<HTMLTextAreaElement>({ name, id, error }, { onChange, onBlur });
  return (
    <div className={className}>
      <Label htmlFor={ids.input} required={required}>
        {label}
      </Label>
      {hint ? <Hint id={ids.hint}>{hint}</Hint> : null}
      <textarea
        {...rest}
        {...bind}
        id={ids.input}
        rows={rows}
        required={required}
        defaultValue={defaultValue ?? asInputDefault(formDefault)}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(hint ? ids.hint : null, message ? ids.error : null)}
        className={`mt-1.5 ${controlBase} resize-y ${inputClassName}`}
      />
      <FieldError id={ids.error}>{message}</FieldError>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

export type CheckboxFieldProps = Omit<CommonFieldProps, 'label'> &
  Omit<
    InputHTMLAttributes<HTMLInputElement>,
    | 'name'
    | 'id'
    | 'type'
    | 'value'
    | 'checked'
    | 'defaultChecked'
    | 'children'
    | 'required'
    | 'className'
    | 'aria-invalid'
    | 'aria-describedby'
  > & {
    /** May hold links (e.g. to the personal-data policy). */
    label: ReactNode;
    defaultChecked?: boolean;
  };

/** One checkbox; submits "on" when ticked (the `checkbox` schema in lib/validation/fields.ts reads both "on" and true). */
export function CheckboxField(props: CheckboxFieldProps) {
  const { name, label, hint, required, error, id, className, defaultChecked, onChange, onBlur, ...rest } = props;
  const { ids, message, bind, formDefault } = useField<HTMLInputElement>({ name, id, error }, { onChange, onBlur });
  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        {/* The 24 px box sits in a 44 px row; the label is part of the click target. */}
        <span className="flex min-h-11 shrink-0 items-center">
          <input
            {...rest}
            {...bind}
            id={ids.input}
            type="checkbox"
            required={required}
            defaultChecked={defaultChecked ?? formDefault === true}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy(hint ? ids.hint : null, message ? ids.error : null)}
            className="size-6 cursor-pointer rounded border-slate-400 accent-brand-600 aria-invalid:outline-2 aria-invalid:outline-danger-600"
          />
        </span>
        <div className="min-w-0 py-2.5">
          <label htmlFor={ids.input} className="cursor-pointer text-slate-900">
            {label}
          </label>
          <RequiredMark required={required} />
          {hint ? <Hint id={ids.hint}>{hint}</Hint> : null}
          <FieldError id={ids.error}>{message}</FieldError>
        </div>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectFieldProps = CommonFieldProps &
  Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    | 'name'
    | 'id'
    | 'value'
    | 'defaultValue'
    | 'children'
    | 'required'
    | 'className'
    | 'multiple'
    | 'aria-invalid'
    | 'aria-describedby'
  > & {
    options: readonly SelectOption[];
    /** A first empty option («Выберите…») that submits "" so zod asks for a choice. */
    placeholder?: string;
    defaultValue?: string;
    inputClassName?: string;
  };

export function SelectField(props: SelectFieldProps) {
  const {
    name,
    label,
    hint,
    required,
    error,
    id,
    className,
    options,
    placeholder,
    defaultValue,
    inputClassName = '',
    onChange,
    onBlur,
    ...rest
  } = props;
  const { ids, message, bind, formDefault } = useField<HTMLSelectElement>({ name, id, error }, { onChange, onBlur });
  const initial = defaultValue ?? asInputDefault(formDefault) ?? (placeholder !== undefined ? '' : undefined);
  return (
    <div className={className}>
      <Label htmlFor={ids.input} required={required}>
        {label}
      </Label>
      {hint ? <Hint id={ids.hint}>{hint}</Hint> : null}
      <div className="relative mt-1.5">
        <select
          {...rest}
          {...bind}
          id={ids.input}
          required={required}
          defaultValue={initial === undefined ? undefined : String(initial)}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(hint ? ids.hint : null, message ? ids.error : null)}
          className={`${controlBase} cursor-pointer appearance-none pr-10 ${inputClassName}`}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
        <svg
          aria-hidden="true"
          className="pointer-events-none absolute inset-y-0 right-3 my-auto text-slate-500"
          width="16"
          height="16"
          viewBox="0 0 20 20"
          fill="currentColor"
        >
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </div>
      <FieldError id={ids.error}>{message}</FieldError>
    </div>
  );
}
