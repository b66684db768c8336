import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { NextConfig } from 'next';
import { cachedPageRewrites } from './lib/content/public-routes';
import { STATIC_SECURITY_HEADERS } from './lib/security/csp';

// ROUTE_CACHE=postgres (lib/config/env.ts): the rendered public pages live in Postgres, shared by every
// instance, instead of each instance's disk and memory (see docs/decisions/008-…).
const sharedRouteCache = process.env.ROUTE_CACHE?.trim().toLowerCase() === 'postgres';

const nextConfig: NextConfig = {
  ...(sharedRouteCache ? { cacheHandler: path.resolve('route-cache-handler.mjs'), cacheMaxMemorySize: 0 } : {}),
  // PGlite ships WASM and data files; argon2 ships a native binary. Both must be
  // loaded from node_modules at run time rather than bundled; pino likewise (its docs for Next.js);
  // pg-boss requires pg itself, which is external already.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'pg-boss', 'pino'],
  poweredByHeader: false,
  // Lets two builds share a checkout (e.g. the benchmark beside a test run): NEXT_DIST_DIR=.next-bench.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  env: {
    // The CSP nonce of route-cached pages: one per build, so cached HTML and the header agree on every
    // instance that runs this build (see docs/decisions/007-content-security-policy.md).
    CSP_BUILD_NONCE: randomBytes(16).toString('base64'),
  },
  // Each public page is served from its route-cached internal route (lib/content/public-routes.ts).
  async rewrites() {
    return { beforeFiles: cachedPageRewrites(), afterFiles: [], fallback: [] };
  },
  async headers() {
    return [
      { source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] },
      // The hand-over to the gateway carries a signed per-payment link in its URL: never a Referer.
      // Listed after the site-wide headers, so it wins for this path.
      { source: '/payments/go/:id', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
    ];
  },
  experimental: {
    // Staff publish PDFs of up to 8 MB through a Server Action (lib/content/document-schema.ts); the
    // default 1 MB is too small for a scanned decree. Multipart overhead needs the extra room.
    serverActions: { bodySizeLimit: '9mb' },
  },
};

export default nextConfig;
