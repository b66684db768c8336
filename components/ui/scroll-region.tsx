import type { ReactNode } from 'react';

/**
 * A table wider than a phone scrolls inside this box: it is a named region a keyboard can reach
 * (Tab, then the arrow keys), as WCAG 2.1.1 asks of anything that scrolls. A shadow at an edge says
 * more is hidden there; `relative` keeps absolutely placed children (an `sr-only` caption) inside
 * the box, where they would otherwise widen the page.
 */
export function ScrollRegion({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`scroll-cue relative overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
