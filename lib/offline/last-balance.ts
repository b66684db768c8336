// The one thing the offline page shows from the cabinet: the amount due as last seen on this device,
// kept in the browser's localStorage (never in the service worker's cache) and forgotten at logout.

const KEY = 'energokabinet:last-balance';

export interface LastBalance {
  /** As shown in the cabinet, e.g. «К оплате 8 040,50 ₽». */
  figure: string;
  /** When it was seen (ISO 8601). */
  seenAt: string;
}

export function rememberBalance(figure: string, now: Date = new Date()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ figure, seenAt: now.toISOString() } satisfies LastBalance));
  } catch {
    // Storage off (private mode, quota): the offline page then simply has no figure.
  }
}

export function lastBalance(): LastBalance | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!value || typeof value !== 'object') return null;
    const { figure, seenAt } = value as Record<string, unknown>;
    return typeof figure === 'string' && typeof seenAt === 'string' ? { figure, seenAt } : null;
  } catch {
    return null;
  }
}

export function forgetBalance(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing was kept
  }
}
