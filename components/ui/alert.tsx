import type { ReactNode } from 'react';

// A notice that is part of the page (a debt, a closed window, a hint), not the answer to a form:
// it is read in its place, so it is neither a live region nor focused. A form's outcome is
// FormAlert (components/forms), which is.

export type AlertTone = 'info' | 'warning' | 'danger' | 'success';

const tones: Record<AlertTone, string> = {
  info: 'border-brand-200 bg-brand-50 text-slate-800',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  danger: 'border-red-200 bg-red-50 text-red-900',
  success: 'border-green-200 bg-green-50 text-green-900',
};

export function Alert({
  tone = 'info',
  title,
  children,
  className = '',
  ...rest
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <div {...rest} className={`rounded-lg border p-3 text-sm ${tones[tone]} ${className}`.trim()}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? 'mt-1' : undefined}>{children}</div> : null}
    </div>
  );
}
