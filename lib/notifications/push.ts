import 'server-only';
import webpush from 'web-push';
import { demoOrDevelopment, env } from '@/lib/config/env';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

// The demonstration's own pair, so push works there with nothing to configure. It signs only the
// demo's messages to the demo's own subscribers; production sets VAPID_* (refused otherwise).
const DEMO_VAPID: VapidKeys = {
  publicKey: 'BDzASCCINcGX60rVtGYnWhuMKbWcnfM929gGY-NTnAvrd0LTSsV3fh-2CLGNFDab0-COEjZ8M8oWKbyBxTTCRjk',
  privateKey: 'dlDymOW6G_uGERvCIvv59MQ7SrXzCVaRCIDKg8Diico',
  subject: 'mailto:push@energokabinet.example',
};

/** The keys push messages are signed with, or null when push is not set up. */
export function vapidKeys(): VapidKeys | null {
  const e = env();
  if (e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY) {
    return {
      publicKey: e.VAPID_PUBLIC_KEY,
      privateKey: e.VAPID_PRIVATE_KEY,
      subject: e.VAPID_SUBJECT ?? DEMO_VAPID.subject,
    };
  }
  return demoOrDevelopment() ? DEMO_VAPID : null;
}

/** Push can be sent here: switched on (by itself in a demonstration or development) and keyed. */
export function pushAvailable(): boolean {
  return (env().PUSH_NOTIFICATIONS || demoOrDevelopment()) && vapidKeys() !== null;
}

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface PushMessage {
  title: string;
  body: string;
  /** Where a tap on the notification opens. */
  url: string;
}

/** A push service's answer that means the subscription is gone for good (the browser dropped it). */
export class PushSubscriptionGone extends Error {}

// A notification older than a day is news no longer: the push service may drop it.
const TTL_SECONDS = 24 * 60 * 60;

/**
 * One encrypted (aes128gcm, RFC 8291) and VAPID-signed (RFC 8292) message to one subscription. The
 * library builds the request; it is sent with fetch, so the outbox's timeout can abort it.
 */
export async function sendPush(
  target: PushTarget,
  message: PushMessage,
  keys: VapidKeys,
  signal?: AbortSignal,
): Promise<void> {
  const request = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(message),
    { vapidDetails: keys, TTL: TTL_SECONDS, contentEncoding: 'aes128gcm', urgency: 'normal' },
  );
  const response = await fetch(request.endpoint, {
    method: request.method,
    headers: request.headers as Record<string, string>,
    body: request.body ? new Uint8Array(request.body) : null,
    signal,
  });
  if (response.status === 404 || response.status === 410) {
    throw new PushSubscriptionGone(`push service: HTTP ${response.status}`);
  }
  if (!response.ok) throw new Error(`push service: HTTP ${response.status}`);
}
