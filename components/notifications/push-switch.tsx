'use client';

import { useEffect, useState, useTransition } from 'react';
import type { FormAction } from '@/lib/actions/result';

type State = 'unsupported' | 'denied' | 'off' | 'on';

/** The VAPID public key (base64url) as the bytes PushManager.subscribe wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function asForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

/**
 * Turns push notifications on or off for this browser: the browser's permission, its subscription
 * at the push service, and the subscription kept on the server for the dispatcher.
 */
export function PushSwitch({
  publicKey,
  subscribe,
  unsubscribe,
}: {
  publicKey: string;
  subscribe: FormAction;
  unsubscribe: FormAction;
}) {
  const [state, setState] = useState<State | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    // What this browser can do is known only here, after hydration.
    void (async (): Promise<State> => {
      if (!('serviceWorker' in navigator) || !('PushManager' in window)) return 'unsupported';
      if (Notification.permission === 'denied') return 'denied';
      const registration = await navigator.serviceWorker.ready;
      return (await registration.pushManager.getSubscription()) ? 'on' : 'off';
    })().then(setState);
  }, []);

  const turnOn = () =>
    startTransition(async () => {
      setMessage(null);
      if ((await Notification.requestPermission()) !== 'granted') {
        setState('denied');
        return;
      }
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: keyBytes(publicKey),
      });
      const { endpoint, keys } = subscription.toJSON();
      const result = await subscribe(
        null,
        asForm({ endpoint: endpoint ?? '', p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' }),
      );
      if (result.ok) setState('on');
      else {
        await subscription.unsubscribe();
        setMessage(result.message);
      }
    });

  const turnOff = () =>
    startTransition(async () => {
      setMessage(null);
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.getSubscription();
      if (subscription) {
        await unsubscribe(null, asForm({ endpoint: subscription.endpoint }));
        await subscription.unsubscribe();
      }
      setState('off');
    });

  if (state === null) return null;
  return (
    <div className="mt-4 border-t border-slate-200 pt-4" data-testid="push-switch">
      <p className="mb-2 text-sm text-slate-600">
        {state === 'on' && 'Push-уведомления в этом браузере включены.'}
        {state === 'off' && 'Push-уведомления приходят в этот браузер, когда они включены здесь.'}
        {state === 'denied' && 'Браузер запретил уведомления для портала: разрешите их в настройках сайта.'}
        {state === 'unsupported' && 'Этот браузер не принимает push-уведомления.'}
      </p>
      {state === 'off' ? (
        <button type="button" className="btn-secondary" onClick={turnOn} disabled={pending}>
          Включить в этом браузере
        </button>
      ) : null}
      {state === 'on' ? (
        <button type="button" className="btn-secondary" onClick={turnOff} disabled={pending}>
          Выключить в этом браузере
        </button>
      ) : null}
      {message ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
