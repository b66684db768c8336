'use client';

import { useEffect, useRef, type ReactNode } from 'react';

export type FormAlertProps = {
  /** `error` (red, role="alert") or `success` (green, role="status"). Default `error`. */
  tone?: 'error' | 'success';
  /** The text to show; `children` may add more (a link, a list). */
  message?: ReactNode;
  children?: ReactNode;
  /** Move focus to the box when it appears, so keyboard and screen-reader users land on it. Default true. */
  autoFocus?: boolean;
  /** Focus again whenever this value changes (pass the action result so each new result is announced). */
  focusKey?: unknown;
  className?: string;
  id?: string;
};

/** The outcome of a form submission: a red error box or a green confirmation. */
export function FormAlert({
  tone = 'error',
  message,
  children,
  autoFocus = true,
  focusKey,
  className = '',
  id,
}: FormAlertProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!autoFocus) return;
    ref.current?.focus();
  }, [autoFocus, focusKey]);

  if (!message && !children) return null;
  const error = tone === 'error';
  return (
    <div
      ref={ref}
      id={id}
      role={error ? 'alert' : 'status'}
      tabIndex={-1}
      className={`flex gap-3 rounded-lg border px-4 py-3 text-base leading-snug ${
        error ? 'border-red-200 bg-red-50 text-red-900' : 'border-green-200 bg-green-50 text-green-900'
      } ${className}`}
    >
      <AlertIcon error={error} />
      <div className="min-w-0">
        {message ? <p className="font-medium">{message}</p> : null}
        {children ? <div className={message ? 'mt-1' : undefined}>{children}</div> : null}
      </div>
    </div>
  );
}

function AlertIcon({ error }: { error: boolean }) {
  return (
    <svg
      aria-hidden="true"
      className={`mt-0.5 shrink-0 ${error ? 'text-danger-600' : 'text-green-700'}`}
      width="20"
      height="20"
      viewBox="0 0 20 20"
      fill="currentColor"
    >
      {error ? (
        <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-.9 4.5h1.8v5.5H9.1V6Zm.9 9a1.1 1.1 0 1 1 0-2.2 1.1 1.1 0 0 1 0 2.2Z" />
      ) : (
        <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm-1.2 12.2L5 9.9l1.3-1.3 2.5 2.5 5-5 1.3 1.3-6.3 6.3Z" />
      )}
    </svg>
  );
}
