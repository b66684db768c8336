import Link from 'next/link';
import type { ComponentProps } from 'react';

// A link that looks like a button: the same shapes as the `btn-*` classes in app/globals.css and
// SubmitButton (components/forms). The page's main action is `primary`, once per page.

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

/** The classes of a button of this variant; on phones a `block` one takes the full width. */
export function buttonClass(variant: ButtonVariant = 'primary', { block = false } = {}): string {
  return `btn-${variant}${block ? ' w-full sm:w-auto' : ''}`;
}

export function ButtonLink({
  variant = 'primary',
  block = false,
  className = '',
  ...rest
}: ComponentProps<typeof Link> & { variant?: ButtonVariant; block?: boolean }) {
  return <Link {...rest} className={`${buttonClass(variant, { block })} ${className}`.trim()} />;
}
