'use client';

import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { useFormStatus } from 'react-dom';
import { useOptionalFormApi } from './form-context';

export type SubmitButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  /** Shown while the form is being checked and sent (e.g. «Отправляем…»); default: the normal label. */
  pendingLabel?: ReactNode;
  /**
   * `primary` (filled brand blue, default), `secondary` (outlined) or `danger` (red). A `btn-*` class
   * from app/globals.css in `className` replaces the built-in look instead.
   */
  variant?: 'primary' | 'secondary' | 'danger';
  /** Stretch to the full width on every screen (by default: full width on phones, natural width from `sm`). */
  block?: boolean;
};

const variants = {
  primary: 'border-transparent bg-brand-600 text-white hover:bg-brand-700',
  secondary: 'border-slate-300 bg-white text-slate-900 hover:bg-slate-50',
  danger: 'border-transparent bg-danger-600 text-white hover:bg-red-800',
};
const base =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-lg border px-5 py-2.5 text-base font-semibold shadow-sm transition-colors disabled:cursor-not-allowed disabled:opacity-70';

/**
 * The submit button. Inside <ActionForm> it follows the form's `pending` (client check + Server
 * Action); in a plain `<form action>` it follows `useFormStatus`. While pending it is disabled and
 * `aria-busy`, so a double click sends once.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = 'primary',
  block = false,
  className = '',
  disabled,
  ...rest
}: SubmitButtonProps) {
  const api = useOptionalFormApi();
  const status = useFormStatus();
  const pending = (api?.pending ?? false) || status.pending;
  return (
    <button
      {...rest}
      type="submit"
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={`${/\bbtn-/.test(className) ? '' : `${base} ${variants[variant]}`} ${block ? 'w-full' : 'w-full sm:w-auto sm:justify-self-start'} ${className}`}
    >
      {pending ? <Spinner /> : null}
      <span>{pending && pendingLabel ? pendingLabel : children}</span>
    </button>
  );
}

function Spinner() {
  return (
    <svg aria-hidden="true" className="size-4 shrink-0 animate-spin" viewBox="0 0 24 24" fill="none">
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
