import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notificationPreferences, notifications, pushSubscriptions } from '@/db/schema';
import { notify } from '@/lib/notifications/dispatch';
import { vapidKeys } from '@/lib/notifications/push';
import { removePushSubscription, savePushSubscription } from '@/lib/notifications/push-subscriptions';
import { pushSubscriptionSchema } from '@/lib/notifications/schemas';
import { deliverPushBatch } from '@/lib/notifications/push-delivery';
import { createHousehold } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// A push service on localhost: it records what the portal sends and answers 201, or 410 for a
// subscription the browser dropped.

const t = useTestDatabase();
const noon = new Date('2026-11-20T09:00:00Z');
const night = new Date('2026-11-20T20:00:00Z');

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}
const received: Received[] = [];
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.statusCode = request.url?.startsWith('/gone/') ? 410 : 201;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A browser's subscription: its own P-256 key pair and auth secret, as PushSubscription.toJSON() gives them. */
function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
}

it('sends a push encrypted (aes128gcm) and signed (VAPID) to each subscription, at 08:00 after a night, once', async () => {
  const { user } = await createHousehold(t.db);
  await t.db
    .insert(notificationPreferences)
    .values({ userId: user.id, event: 'outage', channel: 'push', enabled: true });
  await t.db.insert(pushSubscriptions).values([
    { userId: user.id, endpoint: `${origin}/push/phone`, ...browserKeys() },
    { userId: user.id, endpoint: `${origin}/gone/old-laptop`, ...browserKeys() },
  ]);
  const render = () => ({ title: 'Плановое отключение', sms: 'ул. Лесная, 21 ноября с 10:00 до 14:00' });

  // Asked at 23:00 Moscow time: quiet hours hold it until 08:00.
  const result = await t.db.transaction((tx) => notify(tx, 'outage', [user.id], { key: 'night', now: night, render }));
  expect(result).toMatchObject({ push: 1 });
  expect(await deliverPushBatch({ now: night })).toMatchObject({ claimed: 0 });
  const morning = new Date('2026-11-21T05:00:00Z');
  expect(await deliverPushBatch({ now: morning })).toMatchObject({ sent: 1 });

  expect(received.map((r) => r.path).sort()).toEqual(['/gone/old-laptop', '/push/phone']);
  const phone = received.find((r) => r.path === '/push/phone')!;
  expect(phone.headers['content-encoding']).toBe('aes128gcm');
  expect(phone.headers['content-type']).toBe('application/octet-stream');
  expect(Number(phone.headers.ttl)).toBeGreaterThan(0);
  const [scheme, params] = [phone.headers.authorization!.split(' ')[0], phone.headers.authorization!.slice(6)];
  expect(scheme).toBe('vapid');
  const fields = Object.fromEntries(params.split(/,\s*/).map((p) => [p.slice(0, 1), p.slice(2)]));
  expect(fields.k).toBe(vapidKeys()!.publicKey);
  // The JWT names the push service as audience and our subject as contact.
  const claims = JSON.parse(Buffer.from(fields.t!.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
  expect(claims).toMatchObject({ aud: origin, sub: vapidKeys()!.subject });
  // RFC 8188 framing: salt (16), record size (4), key id length (1) = a 65-byte P-256 key; no plain text.
  expect(phone.body.readUInt8(20)).toBe(65);
  expect(phone.body.toString('utf8')).not.toContain('Лесная');

  // The dropped subscription is forgotten; the row is sent, and sending again finds nothing.
  const left = await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id));
  expect(left.map((s) => s.endpoint)).toEqual([`${origin}/push/phone`]);
  const [row] = await t.db.select().from(notifications).where(eq(notifications.userId, user.id));
  expect(row).toMatchObject({ channel: 'push', status: 'sent', subject: 'Плановое отключение' });
  await t.db.transaction((tx) => notify(tx, 'outage', [user.id], { key: 'night', now: morning, render }));
  expect(await deliverPushBatch({ now: new Date(morning.getTime() + 3_600_000) })).toMatchObject({ claimed: 0 });
  expect(received).toHaveLength(2);
});

it('queues no push for a user without a subscription', async () => {
  const { user } = await createHousehold(t.db);
  await t.db
    .insert(notificationPreferences)
    .values({ userId: user.id, event: 'outage', channel: 'push', enabled: true });
  const result = await t.db.transaction((tx) =>
    notify(tx, 'outage', [user.id], { key: 'none', now: noon, channels: ['push'], render: () => ({ sms: 'x' }) }),
  );
  expect(result).toEqual({ email: 0, sms: 0, push: 0 });
});

it('keeps a user’s subscription once per browser, refuses a non-https one, and drops it on request', async () => {
  const { user } = await createHousehold(t.db);
  const keys = browserKeys();
  const endpoint = 'https://push.example.net/send/abc';
  expect(pushSubscriptionSchema.safeParse({ endpoint: 'http://push.example.net/x', ...keys }).success).toBe(false);
  expect(await savePushSubscription(user.id, pushSubscriptionSchema.parse({ endpoint, ...keys }))).toMatchObject({
    ok: true,
  });
  // The same browser again (a renewed subscription): one row, the new keys.
  const renewed = browserKeys();
  await savePushSubscription(user.id, pushSubscriptionSchema.parse({ endpoint, ...renewed }));
  const rows = await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id));
  expect(rows.map((r) => [r.endpoint, r.p256dh])).toEqual([[endpoint, renewed.p256dh]]);
  // Another user cannot remove it; the owner can.
  const other = await createHousehold(t.db);
  await removePushSubscription(other.user.id, endpoint);
  expect(await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id))).toHaveLength(1);
  await removePushSubscription(user.id, endpoint);
  expect(await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id))).toEqual([]);
});
