import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from './env';

let cached: string | undefined;

/**
 * AUTH_SECRET signs the session cookies and the app's own links. Production must set it (all
 * instances share it; the start refuses without it). Development and demo mode generate one and
 * keep it beside the embedded database, so `npm run demo` needs no configuration and sessions
 * survive a restart.
 */
export function authSecret(): string {
  if (cached) return cached;
  const { AUTH_SECRET, NODE_ENV, DEMO } = env();
  if (AUTH_SECRET) return (cached = AUTH_SECRET);
  if (NODE_ENV === 'production' && !DEMO) {
    throw new Error('AUTH_SECRET не задан: создайте его командой openssl rand -base64 32');
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
