import { eq } from 'drizzle-orm';
import { afterEach, expect, it, vi } from 'vitest';
import { notificationPreferences, notifications } from '@/db/schema';
import { log } from '@/lib/log';
import { notify } from '@/lib/notifications/dispatch';
import { deliverDueSms, deliverSmsBatch } from '@/lib/notifications/sms-delivery';
import { backoffMs } from '@/lib/outbox/delivery';
import { smsRuTransport } from '@/lib/sms/transport';
import { createHousehold } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

// The SMS provider's HTTP API down for a while, through the real SMS.ru adapter and the shared
// outbox delivery: the message waits, is retried after its back-off, and reaches the phone once.

const t = useTestDatabase();
const noon = new Date('2026-11-20T09:00:00Z');
const at = (ms: number) => new Date(noon.getTime() + ms);

afterEach(() => vi.restoreAllMocks());

/** SMS.ru as seen over HTTP: 503 for the first `outage` requests, then accepted; records each accepted text. */
function smsRu(outage: number) {
  const accepted: string[] = [];
  let requests = 0;
  const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
    requests++;
    if (requests <= outage) return new Response('Service Unavailable', { status: 503 });
    const body = init!.body as URLSearchParams;
    accepted.push(`${body.get('to')}: ${body.get('msg')}`);
    return Response.json({
      status: 'OK',
      sms: { [body.get('to')!]: { status: 'OK', sms_id: `smsru-${requests}` } },
    });
  };
  return { transport: smsRuTransport('api-id', { fetch }), accepted, requests: () => requests };
}

it('SMS provider down: the message waits, is retried with back-off and is sent once', async () => {
  vi.spyOn(log, 'warn').mockImplementation(() => undefined);
  const { user } = await createHousehold(t.db, { user: { phone: '+79001112233' } });
  await t.db
    .insert(notificationPreferences)
    .values({ userId: user.id, event: 'outage', channel: 'sms', enabled: true });
  await t.db.transaction((tx) =>
    notify(tx, 'outage', [user.id], {
      key: 'provider-down',
      now: noon,
      channels: ['sms'],
      render: () => ({ sms: 'Отключение завтра с 10:00' }),
    }),
  );
  const provider = smsRu(2);
  const sms = async () => {
    const [row] = await t.db.select().from(notifications).where(eq(notifications.userId, user.id));
    return row!;
  };

  // Down: two attempts, each put back with its back-off; nothing is sent before it is due.
  expect(await deliverDueSms({ now: noon, transport: provider.transport })).toEqual({ sent: 0, failed: 1 });
  expect(await sms()).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMS.ru: HTTP 503' });
  expect(await deliverDueSms({ now: at(backoffMs(1) - 1000), transport: provider.transport })).toEqual({
    sent: 0,
    failed: 0,
  });
  const second = at(backoffMs(1));
  expect(await deliverDueSms({ now: second, transport: provider.transport })).toEqual({ sent: 0, failed: 1 });
  expect((await sms()).nextAttemptAt).toEqual(new Date(second.getTime() + backoffMs(2)));
  expect(provider.requests()).toBe(2);

  // Back up: two senders (two instances) race for the row when it is due; one of them sends it.
  const due = at(backoffMs(1) + backoffMs(2));
  const results = await Promise.all([
    deliverSmsBatch({ now: due, transport: provider.transport }),
    deliverSmsBatch({ now: due, transport: provider.transport }),
  ]);
  expect(results.map((r) => r.sent).sort()).toEqual([0, 1]);
  expect(await sms()).toMatchObject({ status: 'sent', attempts: 3, providerId: 'smsru-3', lastError: null });

  // Later runs find nothing to send: it went out once.
  expect(await deliverDueSms({ now: at(86_400_000), transport: provider.transport })).toEqual({ sent: 0, failed: 0 });
  expect(provider.accepted).toEqual(['79001112233: Отключение завтра с 10:00']);
});
