import type { HTMLAttributes } from 'react';

// A short status in words («Оплачен», «Просрочен»); the colour only repeats what the words say.

export type BadgeTone = 'success' | 'neutral' | 'warning' | 'danger' | 'info';

const tones: Record<BadgeTone, string> = {
  success: 'border-green-200 bg-green-50 text-green-800',
  neutral: 'border-slate-200 bg-slate-50 text-slate-700',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
  danger: 'border-red-200 bg-red-50 text-red-800',
  info: 'border-brand-200 bg-brand-50 text-brand-900',
};

/** Never wraps: a status is read as one. */
export function Badge({
  tone = 'neutral',
  className = '',
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return (
    <span
      {...rest}
      className={`inline-block rounded-md border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[tone]} ${className}`}
    />
  );
}
