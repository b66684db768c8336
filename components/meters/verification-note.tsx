import Link from 'next/link';
import { formatDate } from '@/lib/format/dates';
import { type VerificationFlag, verificationWarning } from '@/lib/meters/verification';

/** «Поверка до …» and, when it is within 3 months or past, the warning with what to do. */
export function VerificationNote({
  due,
  flag,
  daysLeft,
}: {
  due: string | null;
  flag: VerificationFlag;
  daysLeft: number | null;
}) {
  if (due === null) return <p className="text-sm text-slate-600">Дата следующей поверки не указана</p>;
  const warning = verificationWarning(due, { flag, daysLeft });
  return (
    <>
      <p className="text-sm text-slate-600">Следующая поверка: {formatDate(due)}</p>
      {warning ? (
        <div
          role="status"
          data-testid="verification-warning"
          data-flag={flag}
          className={`mt-2 rounded-lg border p-3 text-sm ${flag === 'overdue' ? 'border-red-200 bg-red-50 text-red-900' : 'border-accent-400 bg-amber-50 text-slate-900'}`}
        >
          <p className="font-semibold">{warning}</p>
          <p className="mt-1">
            Поверку проводит аккредитованная лаборатория; заказать её или замену счётчика можно по телефонам из раздела{' '}
            <Link href="/contacts">«Контакты»</Link>.
          </p>
        </div>
      ) : null}
    </>
  );
}
