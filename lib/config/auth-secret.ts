import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * AUTH_SECRET signs the session cookies. Production on Postgres must set it (all instances share
 * it). The embedded-database demo and development generate one and keep it beside the embedded
 * database, so `npm run demo` needs no configuration and sessions survive a restart.
 */
export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) return (cached = fromEnv);
  if (process.env.NODE_ENV === 'production' && process.env.DATABASE_URL) {
    throw new Error(
      'AUTH_SECRET is not set. Generate one with `openssl rand -base64 32` and set it on every instance.',
    );
  }
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(32).toString('base64url');
    // `wx`: if another process created it first, use theirs.
    try {
      fs.writeFileSync(file, generated, { flag: 'wx', mode: 0o600 });
      cached = generated;
    } catch {
      cached = fs.readFileSync(file, 'utf8').trim();
    }
  }
  return cached;
}
