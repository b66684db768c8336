import { CopyButton } from '@/components/copy-button';
import type { UtilityRequisites } from '@/lib/bills/queries';

/**
 * The bank details as text, for people who pay by typing them into a bank form. Numbers are
 * selectable in one tap (`select-all`) and set in tabular figures so they are easy to compare.
 */
export function PayeeDetails({
  utility,
  purpose,
  sum,
  copyable = false,
}: {
  utility: UtilityRequisites;
  purpose: string;
  sum: string | null;
  /** A copy button beside each value (the company cabinet: details typed into a payment order). */
  copyable?: boolean;
}) {
  const rows: [string, string, boolean][] = [
    ['Получатель', utility.fullName, false],
    ['ИНН', utility.inn, true],
    ['КПП', utility.kpp, true],
    ['Банк получателя', utility.bankName, false],
    ['БИК', utility.bic, true],
    ['Корреспондентский счёт', utility.correspondentAccount, true],
    ['Расчётный счёт', utility.settlementAccount, true],
    ['Назначение платежа', purpose, false],
  ];
  if (sum) rows.push(['Сумма', sum, false]);
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="payee-details">
      {rows.map(([label, value, digits]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd>
            <span className={digits ? 'font-medium tabular-nums select-all' : 'font-medium'}>{value}</span>
            {copyable ? <CopyButton value={value} label={label} /> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
