import { formatDate } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import type { DebtNoticeKind } from '@/db/enums';

export interface DebtNoticeItem {
  id: string;
  accountNumber: string;
  kind: DebtNoticeKind;
  debtKopecks: number;
  deliveredOn: string;
  payBy: string;
}

/** The subscriber's own debt notices, newest first, each with its PDF. */
export function DebtNotices({ notices }: { notices: DebtNoticeItem[] }) {
  if (notices.length === 0) return null;
  return (
    <section className="card mb-6 border-danger-600" aria-labelledby="debt-notices-heading" data-testid="debt-notices">
      <h2 id="debt-notices-heading" className="mb-3 text-lg">
        Уведомления о задолженности
      </h2>
      <ul className="space-y-3">
        {notices.map((n) => (
          <li key={n.id}>
            <span className="font-medium">
              {n.kind === 'warning' ? 'Предупреждение об ограничении подачи' : 'Напоминание о задолженности'} от{' '}
              {formatDate(n.deliveredOn)}
            </span>
            <span className="block text-sm text-slate-600">
              Лицевой счёт {n.accountNumber}: задолженность {formatRub(n.debtKopecks)}, оплатить до{' '}
              {formatDate(n.payBy)}
            </span>
            <a href={`/fiz/notices/${n.id}`} className="text-sm" download>
              Скачать уведомление (PDF)
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
