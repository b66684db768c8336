import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files; argon2 ships a native binary. Both must be
  // loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pg'],
  poweredByHeader: false,
  // Lets two builds share a checkout (e.g. the benchmark beside a test run): NEXT_DIST_DIR=.next-bench.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  reactStrictMode: true,
};

export default nextConfig;
