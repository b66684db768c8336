'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { PUBLIC_EDITION } from '@/lib/content/public-routes';

export interface NavLinkItem {
  href: string;
  label: string;
}

// A route-cached public page is rendered at its internal address (lib/content/public-routes.ts);
// the browser shows the public one. Both must name the same page, or hydration would disagree.
const internalPrefix = new RegExp(`^/cached/${PUBLIC_EDITION}(?=/|$)`);

function publicPath(pathname: string): string {
  const path = pathname.replace(internalPrefix, '').replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

/** The item this page belongs to: the longest href that is the path or a folder above it. */
function currentHref(pathname: string, hrefs: readonly string[]): string | undefined {
  const path = publicPath(pathname);
  let best: string | undefined;
  for (const href of hrefs) {
    const matches = path === href || (href !== '/' && path.startsWith(`${href}/`));
    if (matches && (!best || href.length > best.length)) best = href;
  }
  return best;
}

/**
 * The links of a menu, the current page's marked with `aria-current="page"` (read out by screen
 * readers, and styled through `aria-[current=page]:` classes). Read from the address in the
 * browser, so a cached page marks the right item for every visitor.
 */
export function NavLinks({
  items,
  className,
  itemClassName,
  linkClassName,
  scrollToCurrent = false,
}: {
  items: readonly NavLinkItem[];
  /** In a row that scrolls sideways (a phone's cabinet menu): bring the current item into view. */
  scrollToCurrent?: boolean;
  className?: string;
  itemClassName?: string;
  linkClassName: string;
}) {
  const current = currentHref(
    usePathname(),
    items.map((item) => item.href),
  );
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const box = list.current?.parentElement;
    const link = list.current?.querySelector('[aria-current="page"]');
    if (!scrollToCurrent || !box || !link || box.scrollWidth <= box.clientWidth) return;
    const boxRect = box.getBoundingClientRect();
    const linkRect = link.getBoundingClientRect();
    box.scrollLeft += linkRect.left - boxRect.left - (boxRect.width - linkRect.width) / 2;
  }, [scrollToCurrent, current]);
  return (
    <ul ref={list} className={className}>
      {items.map((item) => (
        <li key={item.href} className={itemClassName}>
          <Link href={item.href} aria-current={item.href === current ? 'page' : undefined} className={linkClassName}>
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
