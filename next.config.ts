import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files; argon2 ships a native binary. Both must be
  // loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  poweredByHeader: false,
  // Lets two builds share a checkout (e.g. the benchmark beside a test run): NEXT_DIST_DIR=.next-bench.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
  experimental: {
    // Staff publish PDFs of up to 8 MB through a Server Action (lib/content/document-schema.ts); the
    // default 1 MB is too small for a scanned decree. Multipart overhead needs the extra room.
    serverActions: { bodySizeLimit: '9mb' },
  },
};

export default nextConfig;
