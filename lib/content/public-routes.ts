// Where the route-cached public pages live. Next.js prerenders every fixed route at build, when no
// database exists yet; a route under a dynamic segment with no build-time params is instead
// rendered on its first request and then served from the route cache. So the public pages live
// under `app/cached/[edition]/…` and a rewrite maps each public address onto it. The proxy
// refuses the internal addresses from outside, so each page has exactly one public URL and the
// cache holds exactly one entry per page (docs/decisions/008-public-pages-from-the-route-cache.md).

/** The one value of the `[edition]` segment; anything else is a 404. */
export const PUBLIC_EDITION = 'public';

const INTERNAL_PREFIX = `/cached/${PUBLIC_EDITION}`;

interface CachedPage {
  /** The public address, in the rewrite syntax of next.config.ts. */
  source: string;
  /** Query keys that select a filtered view: such a request is rendered per request instead. */
  unlessQuery?: readonly string[];
}

const CACHED_PAGES: readonly CachedPage[] = [
  { source: '/' },
  { source: '/tariffs' },
  { source: '/outages', unlessQuery: ['place', 'kind'] },
  { source: '/news', unlessQuery: ['page'] },
  { source: '/news/:slug' },
  { source: '/documents' },
  { source: '/documents/:slug' },
  { source: '/services' },
  { source: '/contacts' },
  { source: '/support', unlessQuery: ['q'] },
  { source: '/support/:slug' },
  // What the service worker shows when the phone is offline (app/sw.ts).
  { source: '/offline' },
];

/** The internal route path of a public page: what `revalidatePath` needs. */
export function cachedRoutePath(publicPath: string): string {
  return publicPath === '/' ? INTERNAL_PREFIX : `${INTERNAL_PREFIX}${publicPath}`;
}

/** The rewrites that serve each public address from its cached route (next.config.ts). */
export function cachedPageRewrites(): {
  source: string;
  destination: string;
  missing?: { type: 'query'; key: string }[];
}[] {
  return CACHED_PAGES.map((page) => ({
    source: page.source,
    destination: cachedRoutePath(page.source),
    ...(page.unlessQuery ? { missing: page.unlessQuery.map((key) => ({ type: 'query' as const, key })) } : {}),
  }));
}

function matches(page: CachedPage, path: string): boolean {
  const pattern = new RegExp(`^${page.source.replace(/:[a-z]+/g, '[^/]+')}$`);
  return pattern.test(path);
}

/** Whether this request is answered from the route cache (so its HTML carries the build's nonce). */
export function isCachedPublicPage(pathname: string, search: URLSearchParams = new URLSearchParams()): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return CACHED_PAGES.some((page) => matches(page, path) && !page.unlessQuery?.some((key) => search.has(key)));
}

/** An internal address asked for directly: never served (one URL per page, no cache entries by the visitor's choice). */
export function isInternalCachedAddress(pathname: string): boolean {
  return pathname === '/cached' || pathname.startsWith('/cached/');
}
