// The life of a connection application (ПП РФ № 861, up to 150 kW), as a pure table: who may move it
// from which status to which. The database repeats the edges in a trigger (migration
// one_status_trigger), so a write that skips this module cannot take another path either.
//
//   submitted ──staff: data missing──▶ data_requested ──applicant supplies it──▶ submitted
//   submitted ──staff: offer and ТУ──▶ offer_posted ──gateway: invoice paid (= contract concluded)──▶ contracted
//   contracted ──staff──▶ works_done ──staff: act placed──▶ act_posted ──staff──▶ done
//   submitted, data_requested, offer_posted ──applicant (withdraws), staff, system (time ran out)──▶ cancelled

import { type StatusEdges, statusMachine } from '@/lib/workflow/status-machine';

export const CONNECTION_STATUSES = [
  'submitted',
  'data_requested',
  'offer_posted',
  'contracted',
  'works_done',
  'act_posted',
  'done',
  'cancelled',
] as const;
export type ConnectionStatus = (typeof CONNECTION_STATUSES)[number];

/** The applicant in a cabinet, staff in the console, the gateway's notification, the deadline sweep. */
export type ConnectionActor = 'applicant' | 'staff' | 'gateway' | 'system';

export const CONNECTION_STATUS_LABEL: Record<ConnectionStatus, string> = {
  submitted: 'Поступила, на проверке',
  data_requested: 'Ожидает исправлений',
  offer_posted: 'Договор и ТУ размещены, ждёт оплаты',
  contracted: 'Договор заключён, выполняются мероприятия',
  works_done: 'Мероприятия сетевой организации выполнены',
  act_posted: 'Акт о технологическом присоединении размещён',
  done: 'Присоединение завершено',
  cancelled: 'Аннулирована',
};

const EDGES: StatusEdges<ConnectionStatus, ConnectionActor> = {
  submitted: { data_requested: ['staff'], offer_posted: ['staff'], cancelled: ['applicant', 'staff'] },
  data_requested: { submitted: ['applicant'], cancelled: ['applicant', 'staff', 'system'] },
  offer_posted: { contracted: ['gateway'], cancelled: ['applicant', 'staff', 'system'] },
  contracted: { works_done: ['staff'] },
  works_done: { act_posted: ['staff'] },
  act_posted: { done: ['staff'] },
  done: {},
  cancelled: {},
};

const REFUSALS: Partial<Record<ConnectionStatus, string>> = {
  done: 'Присоединение уже завершено — изменить заявку нельзя',
  cancelled: 'Заявка аннулирована — изменить её нельзя',
};

const ACTOR_DOES: Record<ConnectionActor, string> = {
  applicant: 'заявитель',
  staff: 'сотрудник сетевой организации',
  gateway: 'банк при оплате счёта',
  system: 'проверка сроков',
};

const machine = statusMachine({
  statuses: CONNECTION_STATUSES,
  edges: EDGES,
  labels: CONNECTION_STATUS_LABEL,
  finalRefusal: (from) => REFUSALS[from],
  wrongActor: (allowed) => `Это действие выполняет ${allowed.map((a) => ACTOR_DOES[a]).join(' или ')}`,
});

/** Whether `actor` may move an application from `from` to `to`, with the Russian reason when not. */
export const checkTransition = machine.check;

/** Every (from, to) pair some actor may take; what the database trigger lists. */
export const allowedEdges = machine.edges;
