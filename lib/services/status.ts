// The life of a paid-service request, as a pure table: who may move it from which status to which.
// The database repeats the edges in a trigger (migration one_status_trigger), so even a
// write that skips this module cannot take a request along a path that is not here.
//
//   new ──staff sets the final price──▶ price_confirmed ──gateway: paid──▶ paid ──staff: date, crew──▶ scheduled ──staff──▶ done
//    │                                   │                                 │                          │
//    └──────────── customer (before work starts, refund when paid) or staff (with a reason) ─────────┴──▶ cancelled
//
// A fixed catalogue price is confirmed at ordering, so such a request starts at `price_confirmed`.

import { type StatusEdges, statusMachine } from '@/lib/workflow/status-machine';

export const SERVICE_STATUSES = ['new', 'price_confirmed', 'paid', 'scheduled', 'done', 'cancelled'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Who asks for the move: the customer in a cabinet, staff in the console, the gateway's notification. */
export type ServiceActor = 'customer' | 'staff' | 'gateway';

export const SERVICE_STATUS_LABEL: Record<ServiceStatus, string> = {
  new: 'Ждёт расчёта цены',
  price_confirmed: 'Цена подтверждена, ждёт оплаты',
  paid: 'Оплачена, ждёт назначения даты',
  scheduled: 'Назначен выезд',
  done: 'Выполнена',
  cancelled: 'Отменена',
};

const EDGES: StatusEdges<ServiceStatus, ServiceActor> = {
  new: { price_confirmed: ['staff'], cancelled: ['customer', 'staff'] },
  price_confirmed: { price_confirmed: ['staff'], paid: ['gateway'], cancelled: ['customer', 'staff'] },
  paid: { scheduled: ['staff'], cancelled: ['customer', 'staff'] },
  scheduled: { scheduled: ['staff'], done: ['staff'], cancelled: ['customer', 'staff'] },
  done: {},
  cancelled: {},
};

const REFUSALS: Partial<Record<ServiceStatus, string>> = {
  done: 'Работы по заявке уже выполнены — изменить её нельзя',
  cancelled: 'Заявка отменена — изменить её нельзя',
};

const machine = statusMachine({
  statuses: SERVICE_STATUSES,
  edges: EDGES,
  labels: SERVICE_STATUS_LABEL,
  finalRefusal: (from) => REFUSALS[from],
  wrongActor: (_allowed, actor) =>
    actor === 'customer' ? 'Это действие выполняет сотрудник' : 'Это действие выполняет заказчик или банк',
});

/** Whether `actor` may move a request from `from` to `to`, with the Russian reason when not. */
export const checkTransition = machine.check;

/** Every (from, to) pair some actor may take; what the database trigger lists. */
export const allowedEdges = machine.edges;

/** The customer may cancel until the work is done; a paid request is refunded through the gateway. */
export function customerMayCancel(status: ServiceStatus): boolean {
  return checkTransition(status, 'cancelled', 'customer').ok;
}

/** Payable: the price is final and the customer has agreed to it. */
export function isPayable(request: {
  status: ServiceStatus;
  priceKopecks: number | null;
  priceAcceptedAt: Date | null;
}) {
  return request.status === 'price_confirmed' && request.priceKopecks !== null && request.priceAcceptedAt !== null;
}
