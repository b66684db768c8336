import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files; argon2 ships a native binary. Both must be
  // loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  poweredByHeader: false,
  // Lets two builds share a checkout (e.g. the benchmark beside a test run): NEXT_DIST_DIR=.next-bench.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  async headers() {
    return [
      // The hand-over to the gateway carries a signed per-payment link in its URL: never a Referer.
      { source: '/payments/go/:id', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
    ];
  },
};

export default nextConfig;
