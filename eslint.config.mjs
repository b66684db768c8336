import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // Tests are not React: Playwright fixtures call `use`, and test helpers may start with "use".
  { files: ['tests/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
  // The rule matches hrefs against the route files; the root catch-all that draws the 404 page
  // (app/(public)/[...missing]) matches every path, so it would flag each download link to a route
  // handler and each deliberate full page load. Client navigation is chosen per link in review.
  { rules: { '@next/next/no-html-link-for-pages': 'off' } },
  globalIgnores([
    '.next/**',
    '.next-*/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    '.data/**',
    'playwright-report/**',
    'test-results/**',
    'db/migrations/**',
  ]),
]);
