import type { HTMLAttributes, ReactNode } from 'react';

// The white box every page groups its content in (the `.card` class of app/globals.css). `danger`
// marks what must not be missed (an emergency number, an overdue debt) by more than colour: a thick
// edge on the left.

const accents = {
  none: '',
  danger: 'border-l-4 border-l-danger-600',
  brand: 'border-l-4 border-l-brand-600',
};

export function Card({
  as: Tag = 'section',
  accent = 'none',
  heading,
  headingId,
  className = '',
  children,
  ...rest
}: HTMLAttributes<HTMLElement> & {
  as?: 'section' | 'div' | 'article';
  accent?: keyof typeof accents;
  /** The card's title (an h2), which also names the section for screen readers. */
  heading?: ReactNode;
  headingId?: string;
}) {
  return (
    <Tag
      {...rest}
      aria-labelledby={heading && headingId ? headingId : rest['aria-labelledby']}
      className={`card ${accents[accent]} ${className}`.trim()}
    >
      {heading ? <h2 id={headingId}>{heading}</h2> : null}
      {children}
    </Tag>
  );
}
