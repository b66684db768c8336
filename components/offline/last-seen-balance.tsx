'use client';

import { useSyncExternalStore } from 'react';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/lib/format/dates';
import { lastBalance, type LastBalance } from '@/lib/offline/last-balance';

// Read once per page: the figure changes only in the cabinet, on another page.
let snapshot: LastBalance | null | undefined;
const read = () => (snapshot === undefined ? (snapshot = lastBalance()) : snapshot);
const subscribe = () => () => {};

/** The amount due as last seen in the cabinet on this device, with when; nothing if none is kept. */
export function LastSeenBalance() {
  const last = useSyncExternalStore(subscribe, read, () => null);
  if (!last) return null;
  return (
    <Card heading="Последнее, что вы видели в кабинете" headingId="offline-balance" data-testid="offline-balance">
      <p className="mt-2 text-2xl font-bold tabular-nums">{last.figure}</p>
      <p className="mt-1 text-sm text-slate-600">
        на <span className="whitespace-nowrap">{formatDateTime(new Date(last.seenAt))}</span>. С тех пор сумма могла
        измениться.
      </p>
    </Card>
  );
}
