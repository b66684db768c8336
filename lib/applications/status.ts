// The life of a company's contract application, as a pure table: who may move it from which status
// to which. The database repeats the edges in a trigger (migration one_status_trigger),
// so even a write that skips this module cannot take an application along a path that is not here.
//
//   submitted ──staff──▶ in_review ──staff──▶ contract_offered ──staff: signed copy received──▶ signed
//                          │    ▲
//                   staff  ▼    │ applicant: documents added
//                   documents_requested
//   every status before «signed» ──staff, with a reason──▶ refused

import { type StatusEdges, statusMachine } from '@/lib/workflow/status-machine';

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

const EDGES: StatusEdges<ApplicationStatus, ApplicationActor> = {
  submitted: { in_review: ['staff'], refused: ['staff'] },
  in_review: { documents_requested: ['staff'], contract_offered: ['staff'], refused: ['staff'] },
  documents_requested: { in_review: ['applicant', 'staff'], refused: ['staff'] },
  contract_offered: { signed: ['staff'], refused: ['staff'] },
  signed: {},
  refused: {},
};

const machine = statusMachine({
  statuses: APPLICATION_STATUSES,
  edges: EDGES,
  labels: APPLICATION_STATUS_LABEL,
  finalRefusal: (from) =>
    from === 'signed' || from === 'refused'
      ? `Заявка в статусе «${APPLICATION_STATUS_LABEL[from]}» — изменить её нельзя`
      : undefined,
  wrongActor: (_allowed, actor) =>
    actor === 'applicant' ? 'Это действие выполняет сотрудник' : 'Это действие выполняет заявитель',
});

/** Whether `actor` may move an application from `from` to `to`, with the Russian reason when not. */
export const checkApplicationTransition = machine.check;

/** Every (from, to) pair some actor may take; what the database trigger lists. */
export const allowedApplicationEdges = machine.edges;

/** The applicant may add documents until the application is decided. */
export function acceptsDocuments(status: ApplicationStatus): boolean {
  return status === 'submitted' || status === 'in_review' || status === 'documents_requested';
}
