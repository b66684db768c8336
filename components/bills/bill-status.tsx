import { formatRub } from '@/lib/format/money';
import { billStatusLabels, type BillStanding } from '@/lib/bills/status';

const tones: Record<BillStanding['status'], string> = {
  paid: 'border-green-200 bg-green-50 text-green-800',
  nothing_due: 'border-slate-200 bg-slate-50 text-slate-700',
  partial: 'border-amber-200 bg-amber-50 text-amber-900',
  unpaid: 'border-red-200 bg-red-50 text-red-800',
};

/** «Оплачен» / «Не оплачен, просрочен» / «Оплачен частично (осталось …)» — in words, colour only repeats them. */
export function BillStatusBadge({ standing }: { standing: BillStanding }) {
  const { status, outstandingKopecks, overdue } = standing;
  let text = billStatusLabels[status];
  if (status === 'partial') text += ` (осталось ${formatRub(outstandingKopecks)})`;
  if (overdue) text += ', просрочен';
  return (
    <span
      className={`inline-block rounded-md border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[status]}`}
      data-testid="bill-status"
      data-status={status}
      data-overdue={overdue ? 'true' : undefined}
    >
      {text}
    </span>
  );
}
