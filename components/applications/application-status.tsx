import { APPLICATION_STATUS_LABEL, type ApplicationStatus } from '@/lib/applications/status';

const tone: Record<ApplicationStatus, string> = {
  submitted: 'bg-slate-100 text-slate-800',
  in_review: 'bg-sky-100 text-sky-900',
  documents_requested: 'bg-amber-100 text-amber-900',
  contract_offered: 'bg-green-100 text-green-900',
  signed: 'bg-green-200 text-green-950',
  refused: 'bg-red-100 text-red-900',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-sm font-medium ${tone[status]}`}
      data-testid="application-status"
    >
      {APPLICATION_STATUS_LABEL[status]}
    </span>
  );
}
