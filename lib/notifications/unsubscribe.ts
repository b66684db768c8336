import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import type { NotificationEvent } from '@/db/enums';
import { users } from '@/db/schema';
import { type ActionResult, fail, succeed } from '@/lib/actions/result';
import { authSecret } from '@/lib/config/auth-secret';
import { configuredOrigin } from '@/lib/http/app-url';
import { audit } from '@/lib/security/audit';
import { isUuid } from '@/lib/validation/ids';
import { NOTIFICATION_EVENTS, eventLabels } from './catalog';
import { setPreference } from './preferences';

// A mailing letter's unsubscribe link works without a login (RFC 8058: the mail client posts to it
// for the reader), so the link itself is the proof: the user and the event, signed with AUTH_SECRET.
// It stays valid: unsubscribing twice changes nothing, and a forged one is refused.

function sign(subject: string): string {
  const key = createHmac('sha256', authSecret()).update('unsubscribe-link').digest();
  return createHmac('sha256', key).update(subject).digest('base64url').slice(0, 32);
}

export function unsubscribeToken(userId: string, event: NotificationEvent): string {
  return `${userId}.${event}.${sign(`${userId}:${event}`)}`;
}

export function readUnsubscribeToken(token: unknown): { userId: string; event: NotificationEvent } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [userId, event, signature, ...rest] = token.split('.');
  if (rest.length || !userId || !isUuid(userId) || !signature) return null;
  if (!(NOTIFICATION_EVENTS as readonly string[]).includes(event ?? '')) return null;
  const expected = Buffer.from(sign(`${userId}:${event}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { userId, event: event as NotificationEvent };
}

/** The page with the button (a person's click). */
export function unsubscribePageUrl(token: string): string {
  return `${configuredOrigin()}/unsubscribe/${token}`;
}

/** The headers of a mailing letter: the one-click address a mail client posts to (RFC 8058). */
export function listUnsubscribeHeaders(token: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${configuredOrigin()}/api/unsubscribe/${token}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

export interface UnsubscribeSubject {
  email: string;
  what: string;
}

/** What the link would unsubscribe from, for the page; null for a forged or stale link. */
export async function unsubscribeSubject(token: unknown): Promise<UnsubscribeSubject | null> {
  const read = readUnsubscribeToken(token);
  if (!read) return null;
  const [user] = await db().select({ email: users.email }).from(users).where(eq(users.id, read.userId));
  return user ? { email: user.email, what: eventLabels[read.event] } : null;
}

const refused = 'Ссылка для отписки неверна или устарела. Отписаться можно в профиле личного кабинета.';

/** Turns the e-mail for the link's event off; the same answer however often it is used. */
export async function unsubscribeByToken(token: unknown, ip?: string): Promise<ActionResult> {
  const read = readUnsubscribeToken(token);
  if (!read) return fail(refused);
  return db().transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, read.userId));
    if (!user) return fail(refused);
    await setPreference(tx, read.userId, read.event, 'email', false);
    await audit(
      {
        action: 'notifications.unsubscribed',
        actorUserId: read.userId,
        subjectType: 'user',
        subjectId: read.userId,
        ip,
        details: { event: read.event, channel: 'email' },
      },
      tx,
    );
    return succeed({ message: 'Вы отписались. Письма этой рассылки больше не придут.' });
  });
}
