import { SERVICE_STATUS_LABEL, type ServiceStatus } from '@/lib/services/status';

const tone: Record<ServiceStatus, string> = {
  new: 'bg-amber-50 text-amber-900 border-amber-200',
  price_confirmed: 'bg-brand-50 text-brand-700 border-brand-200',
  paid: 'bg-brand-50 text-brand-700 border-brand-200',
  scheduled: 'bg-brand-50 text-brand-700 border-brand-200',
  done: 'bg-green-50 text-green-800 border-green-200',
  cancelled: 'bg-slate-100 text-slate-700 border-slate-300',
};

export function ServiceStatusBadge({ status }: { status: ServiceStatus }) {
  return (
    <span
      className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-medium ${tone[status]}`}
      data-testid="service-status"
    >
      {SERVICE_STATUS_LABEL[status]}
    </span>
  );
}
