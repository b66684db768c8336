import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatRub } from '@/lib/format/money';
import { billStatusLabels, type BillStanding } from '@/lib/bills/status';

const tones: Record<BillStanding['status'], BadgeTone> = {
  paid: 'success',
  nothing_due: 'neutral',
  partial: 'warning',
  unpaid: 'danger',
};

/** «Оплачен» / «Не оплачен, просрочен» / «Оплачен частично (осталось …)» — in words, colour only repeats them. */
export function BillStatusBadge({ standing }: { standing: BillStanding }) {
  const { status, outstandingKopecks, overdue } = standing;
  let text = billStatusLabels[status];
  if (status === 'partial') text += ` (осталось ${formatRub(outstandingKopecks)})`;
  if (overdue) text += ', просрочен';
  return (
    <Badge
      tone={tones[status]}
      data-testid="bill-status"
      data-status={status}
      data-overdue={overdue ? 'true' : undefined}
    >
      {text}
    </Badge>
  );
}
