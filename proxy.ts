import { type NextRequest, NextResponse } from 'next/server';
import { appUrlIsHttps, env } from '@/lib/config/env';
import { isCachedPublicPage, isInternalCachedAddress } from '@/lib/content/public-routes';
import { knownSetUp } from '@/lib/setup/flag';
import { contentSecurityPolicy, hasOwnPolicy, STRICT_TRANSPORT_SECURITY } from '@/lib/security/csp';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/security/request-id';

// Response headers that depend on the request (the CSP nonce, a request id) or on the running
// instance (HSTS when APP_URL is https). Only headers: every page, action and route handler
// checks the session itself; this file is never the guard.

function freshNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  // The route-cached pages' internal addresses are reached only through their rewrites.
  if (isInternalCachedAddress(pathname)) return NextResponse.rewrite(new URL('/not-found', request.url));
  // A cached page must never be rendered (and kept) while the portal is not set up yet: until this
  // process has seen it set up, such a request goes to the «не настроен» check, which sends the
  // visitor back once it is.
  const cached = isCachedPublicPage(pathname, searchParams);
  if (cached && !knownSetUp()) {
    const check = new URL('/not-configured', request.url);
    check.search = new URLSearchParams({ from: `${pathname}${request.nextUrl.search}` }).toString();
    return NextResponse.rewrite(check);
  }
  // Route-cached pages are rendered once for everyone, so their nonce is the build's (inlined by
  // next.config.ts); every other page gets its own per request.
  const nonce = (cached && process.env.CSP_BUILD_NONCE) || freshNonce();
  const https = appUrlIsHttps();
  const policy = contentSecurityPolicy({ nonce, development: env().NODE_ENV === 'development', https });

  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!hasOwnPolicy(pathname)) response.headers.set('Content-Security-Policy', policy);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Static files carry the fixed headers from next.config.ts; they need no nonce.
      // Prefetches too: a prefetch that finds a route-cached page stale renders the whole entry,
      // HTML included, in its own request, and without the policy on that request the stored
      // HTML would carry no nonce and stop hydrating for everyone until the next revalidation.
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
    },
  ],
};
