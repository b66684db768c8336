import { type NextRequest, NextResponse } from 'next/server';
import { appUrlIsHttps, env } from '@/lib/config/env';
import { contentSecurityPolicy, hasOwnPolicy, isRouteCached, STRICT_TRANSPORT_SECURITY } from '@/lib/security/csp';
import { REQUEST_ID_HEADER, requestIdFrom } from '@/lib/security/request-id';

// Response headers that depend on the request (the CSP nonce, a request id) or on the running
// instance (HSTS when APP_URL is https). Only headers: every page, action and route handler
// checks the session itself; this file is never the guard.

function freshNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function proxy(request: NextRequest) {
  // Route-cached pages are rendered once for everyone, so their nonce is the build's (inlined by
  // next.config.ts); every other page gets its own per request.
  const nonce = (isRouteCached(request.nextUrl.pathname) && process.env.CSP_BUILD_NONCE) || freshNonce();
  const https = appUrlIsHttps();
  const policy = contentSecurityPolicy({ nonce, development: env().NODE_ENV === 'development', https });

  // Next.js reads the nonce from the request's CSP header and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (!hasOwnPolicy(request.nextUrl.pathname)) response.headers.set('Content-Security-Policy', policy);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  if (https) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      // Static files carry the fixed headers from next.config.ts; they need no nonce.
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      // Prefetches render no HTML, so no policy applies to them.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
