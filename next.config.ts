import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files; argon2 ships a native binary. Both must be
  // loaded from node_modules at run time rather than bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
