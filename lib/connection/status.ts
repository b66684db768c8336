// The life of a connection application (ПП РФ № 861, up to 150 kW), as a pure table: who may move it
// from which status to which. The database repeats the edges in a trigger (migration
// connection_transitions), so a write that skips this module cannot take another path either.
//
//   submitted ──staff: data missing──▶ data_requested ──applicant supplies it──▶ submitted
//   submitted ──staff: offer and ТУ──▶ offer_posted ──gateway: invoice paid (= contract concluded)──▶ contracted
//   contracted ──staff──▶ works_done ──staff: act placed──▶ act_posted ──staff──▶ done
//   submitted, data_requested, offer_posted ──applicant (withdraws), staff, system (time ran out)──▶ cancelled

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

const EDGES: Record<ConnectionStatus, Partial<Record<ConnectionStatus, readonly ConnectionActor[]>>> = {
  submitted: { data_requested: ['staff'], offer_posted: ['staff'], cancelled: ['applicant', 'staff'] },
  data_requested: { submitted: ['applicant'], cancelled: ['applicant', 'staff', 'system'] },
  offer_posted: { contracted: ['gateway'], cancelled: ['applicant', 'staff', 'system'] },
  contracted: { works_done: ['staff'] },
  works_done: { act_posted: ['staff'] },
  act_posted: { done: ['staff'] },
  done: {},
  cancelled: {},
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

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

/** Whether `actor` may move an application from `from` to `to`, with the Russian reason when not. */
export function checkTransition(from: ConnectionStatus, to: ConnectionStatus, actor: ConnectionActor): TransitionCheck {
  const allowed = EDGES[from][to];
  if (allowed?.includes(actor)) return { ok: true };
  const terminal = REFUSALS[from];
  if (terminal) return { ok: false, reason: terminal };
  if (allowed)
    return { ok: false, reason: `Это действие выполняет ${allowed.map((a) => ACTOR_DOES[a]).join(' или ')}` };
  return {
    ok: false,
    reason: `Заявку в статусе «${CONNECTION_STATUS_LABEL[from]}» нельзя перевести в «${CONNECTION_STATUS_LABEL[to]}»`,
  };
}

/** Every (from, to) pair some actor may take; what the database trigger lists. */
export function allowedEdges(): [ConnectionStatus, ConnectionStatus][] {
  return CONNECTION_STATUSES.flatMap((from) =>
    (Object.keys(EDGES[from]) as ConnectionStatus[]).map((to): [ConnectionStatus, ConnectionStatus] => [from, to]),
  );
}
