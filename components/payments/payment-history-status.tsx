import { type PaymentStatus, paymentStatusLabels, paymentStatusTone } from '@/lib/payments/status-labels';

/** A payment's state in words, in the cabinet and the staff console alike. */
export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return (
    <span
      className={`inline-block rounded-md border px-2 py-0.5 text-sm font-medium ${paymentStatusTone[status]}`}
      data-testid="payment-status"
      data-status={status}
    >
      {paymentStatusLabels[status]}
    </span>
  );
}
