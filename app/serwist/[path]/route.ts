import { randomUUID } from 'node:crypto';
import { createSerwistRoute } from '@serwist/turbopack';

// The service worker (app/sw.ts) and its source map, bundled by esbuild when `next build`
// prerenders this route: no network, no second build step. Precached: the build's static files
// (hashed, the same for everyone), public/ (the icons) and the offline page, whose revision changes with
// every build (its HTML names that build's files and carries its CSP nonce).
const revision = randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: '/offline', revision }],
});
