// Settings of the security hardening (headers, letter retention). Read here, with defaults, until
// the single configuration module takes them over.

/** HSTS and `upgrade-insecure-requests` only make sense when the portal is served over https. */
export function appUrlIsHttps(env: Record<string, string | undefined> = process.env): boolean {
  const url = env.APP_URL;
  if (!url) return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

const DEFAULT_EMAIL_RETENTION_DAYS = 30;

/**
 * How long a delivered letter is kept (EMAIL_RETENTION_DAYS, default 30): long enough for support
 * to answer «did you send it?», short enough that the outbox is not an archive of personal data.
 */
export function emailRetentionDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.EMAIL_RETENTION_DAYS;
  if (!raw) return DEFAULT_EMAIL_RETENTION_DAYS;
  const days = Number(raw);
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_EMAIL_RETENTION_DAYS;
}
