import 'server-only';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import { type SheetColumn, type SheetFile, type SheetFormat, sheetFile } from '@/lib/console/spreadsheet';
import { allDebtors } from './debtors';
import type { DebtorFilter } from './debtor-filter';

// The filtered debtors list as a file for staff (internal use only: 152-ФЗ, never published).
// Amounts in roubles with kopecks as numbers, so a spreadsheet can sum them.

const columns: SheetColumn[] = [
  { header: 'Лицевой счёт', width: 14 },
  { header: 'Абонент', width: 34 },
  { header: 'Адрес', width: 44 },
  { header: 'Населённый пункт', width: 22 },
  { header: 'Просрочено, ₽', width: 14, numFmt: '#,##0.00' },
  { header: 'Всего к оплате, ₽', width: 16, numFmt: '#,##0.00' },
  { header: 'Дней просрочки', width: 10 },
  { header: 'Долг по периодам', width: 50 },
  { header: 'Пени, ₽', width: 12, numFmt: '#,##0.00' },
  { header: 'Последний платёж', width: 14 },
  { header: 'Сумма платежа, ₽', width: 14, numFmt: '#,##0.00' },
  { header: 'Порог п. 118 ПП № 354, ₽', width: 16, numFmt: '#,##0.00' },
];

const rub = (kopecks: number) => kopecks / 100;

export async function debtorsFile(
  filter: DebtorFilter,
  format: SheetFormat,
  today?: string,
): Promise<{ file: SheetFile; rows: number }> {
  const debtors = await allDebtors(filter, today);
  const rows = debtors.map((d) => [
    d.number,
    d.holderName,
    d.address,
    d.settlement,
    rub(d.overdueKopecks),
    rub(d.balanceKopecks),
    d.daysOverdue,
    [
      ...d.periods.map((p) => `${formatPeriod(p.period)}: ${(p.owedKopecks / 100).toFixed(2).replace('.', ',')}`),
      ...(d.otherOverdueKopecks > 0 ? [`прочее: ${(d.otherOverdueKopecks / 100).toFixed(2).replace('.', ',')}`] : []),
    ].join('; '),
    rub(d.penaltiesKopecks),
    d.lastPayment ? formatDate(d.lastPayment.at) : null,
    d.lastPayment ? rub(d.lastPayment.amountKopecks) : null,
    d.thresholdKopecks === null ? null : rub(d.thresholdKopecks),
  ]);
  return { file: await sheetFile(format, 'Должники', columns, rows), rows: rows.length };
}
