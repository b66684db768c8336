import { z } from 'zod';

/** The unsubscribe page's button: the signed token from the letter's link. */
export const unsubscribeSchema = z.object({
  token: z
    .string({ error: 'Ссылка неполная — откройте её из письма целиком' })
    .min(1, 'Ссылка неполная — откройте её из письма целиком')
    .max(200, 'Ссылка неполная — откройте её из письма целиком'),
});

const base64url = (what: string, length: { min: number; max: number }) =>
  z
    .string({ error: `Браузер не передал ${what} — включите уведомления ещё раз` })
    .trim()
    .min(length.min, `Браузер передал неверный ${what} — включите уведомления ещё раз`)
    .max(length.max, `Браузер передал неверный ${what} — включите уведомления ещё раз`)
    .regex(/^[A-Za-z0-9_-]+=*$/, `Браузер передал неверный ${what} — включите уведомления ещё раз`);

/**
 * A browser's PushSubscription (its toJSON(): endpoint and keys), sent when the user switches push
 * on in the installed app. The push service is always https.
 */
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .url({ protocol: /^https$/, error: 'Браузер передал неверный адрес подписки — включите уведомления ещё раз' })
    .max(2000, 'Браузер передал неверный адрес подписки — включите уведомления ещё раз'),
  // An uncompressed P-256 point (65 bytes → 87 characters) and a 16-byte secret (22 characters).
  p256dh: base64url('ключ подписки', { min: 80, max: 100 }),
  auth: base64url('секрет подписки', { min: 16, max: 32 }),
});
