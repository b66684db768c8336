// The life of a company's contract application, as a pure table: who may move it from which status
// to which. The database repeats the edges in a trigger (migration company_application_transitions),
// so even a write that skips this module cannot take an application along a path that is not here.
//
//   submitted ──staff──▶ in_review ──staff──▶ contract_offered ──staff: signed copy received──▶ signed
//                          │    ▲
//                   staff  ▼    │ applicant: documents added
//                   documents_requested
//   every status before «signed» ──staff, with a reason──▶ refused

export const APPLICATION_STATUSES = [
  'submitted',
  'in_review',
  'documents_requested',
  'contract_offered',
  'signed',
  'refused',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationActor = 'applicant' | 'staff';

export const APPLICATION_STATUS_LABEL: Record<ApplicationStatus, string> = {
  submitted: 'Подана',
  in_review: 'На рассмотрении',
  documents_requested: 'Запрошены документы',
  contract_offered: 'Договор предложен',
  signed: 'Договор подписан',
  refused: 'Отказано',
};

const EDGES: Record<ApplicationStatus, Partial<Record<ApplicationStatus, readonly ApplicationActor[]>>> = {
  submitted: { in_review: ['staff'], refused: ['staff'] },
  in_review: { documents_requested: ['staff'], contract_offered: ['staff'], refused: ['staff'] },
  documents_requested: { in_review: ['applicant', 'staff'], refused: ['staff'] },
  contract_offered: { signed: ['staff'], refused: ['staff'] },
  signed: {},
  refused: {},
};

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** Whether `actor` may move an application from `from` to `to`, with the Russian reason when not. */
export function checkApplicationTransition(
  from: ApplicationStatus,
  to: ApplicationStatus,
  actor: ApplicationActor,
): TransitionCheck {
  const allowed = EDGES[from][to];
  if (allowed?.includes(actor)) return { ok: true };
  if (from === 'signed' || from === 'refused') {
    return { ok: false, reason: `Заявка в статусе «${APPLICATION_STATUS_LABEL[from]}» — изменить её нельзя` };
  }
  if (allowed) {
    return {
      ok: false,
      reason: actor === 'applicant' ? 'Это действие выполняет сотрудник' : 'Это действие выполняет заявитель',
    };
  }
  return {
    ok: false,
    reason: `Заявку в статусе «${APPLICATION_STATUS_LABEL[from]}» нельзя перевести в «${APPLICATION_STATUS_LABEL[to]}»`,
  };
}

/** Every (from, to) pair some actor may take; what the database trigger lists. */
export function allowedApplicationEdges(): [ApplicationStatus, ApplicationStatus][] {
  return APPLICATION_STATUSES.flatMap((from) =>
    (Object.keys(EDGES[from]) as ApplicationStatus[]).map((to): [ApplicationStatus, ApplicationStatus] => [from, to]),
  );
}

/** The applicant may add documents until the application is decided. */
export function acceptsDocuments(status: ApplicationStatus): boolean {
  return status === 'submitted' || status === 'in_review' || status === 'documents_requested';
}
