// The акт сверки as an XLSX workbook (exceljs): the same lines and totals as the PDF, amounts as
// numbers in rubles with a money format (so the accountant can sum and compare them), dates as dates.
import 'server-only';
import ExcelJS from 'exceljs';
import { formatDate } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import { type Reconciliation, reconciliationConclusion } from './reconciliation';

const MONEY_FORMAT = '#,##0.00 "₽"';

/** Kopecks → rubles as a number: integer kopecks / 100 is exact to the kopeck at two decimals. */
const rubles = (kopecks: number) => kopecks / 100;
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export async function renderReconciliationXlsx(act: Reconciliation): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = act.utility.fullName;
  const sheet = workbook.addWorksheet('Акт сверки');
  sheet.columns = [
    { key: 'date', width: 13 },
    { key: 'document', width: 48 },
    { key: 'account', width: 15 },
    { key: 'debit', width: 20 },
    { key: 'credit', width: 20 },
  ];
  const u = act.utility;
  const c = act.company;
  sheet.addRow([`Акт сверки взаимных расчётов за период с ${formatDate(act.from)} по ${formatDate(act.to)}`]).font = {
    bold: true,
    size: 14,
  };
  sheet.addRow([`Поставщик: ${u.fullName}, ИНН ${u.inn}, КПП ${u.kpp}, ${u.legalAddress}`]);
  sheet.addRow([`Покупатель: ${c.name}, ИНН ${c.inn}${c.kpp ? `, КПП ${c.kpp}` : ''}, ${c.legalAddress}`]);
  sheet.addRow([`Договоры: ${act.accounts.map((a) => `№ ${a.contractNumber} (л/с ${a.number})`).join('; ') || '—'}`]);
  sheet.addRow([]);
  const header = sheet.addRow(['Дата', 'Документ', 'Лицевой счёт', 'Дебет (начислено), ₽', 'Кредит (оплачено), ₽']);
  header.font = { bold: true };
  const headerRow = header.number;

  const balanceRow = (label: string, kopecks: number) => {
    const row = sheet.addRow([
      null,
      label,
      null,
      kopecks >= 0 ? rubles(kopecks) : null,
      kopecks < 0 ? rubles(-kopecks) : null,
    ]);
    row.font = { bold: true };
    return row;
  };
  balanceRow(`Сальдо на ${formatDate(act.from)}`, act.openingKopecks);
  for (const line of act.lines) {
    sheet.addRow([
      asDate(line.day),
      line.document,
      line.accountNumber,
      line.debitKopecks ? rubles(line.debitKopecks) : null,
      line.creditKopecks ? rubles(line.creditKopecks) : null,
    ]);
  }
  const turnover = sheet.addRow([null, 'Обороты за период', null, rubles(act.debitKopecks), rubles(act.creditKopecks)]);
  turnover.font = { bold: true };
  balanceRow(`Сальдо на ${formatDate(act.to)}`, act.closingKopecks);
  sheet.addRow([]);
  sheet.addRow([reconciliationConclusion(act, formatRub)]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([`От поставщика: ${u.fullName}`, null, null, `От покупателя: ${c.name}`]);
  sheet.addRow(['_______________ / _______________ /', null, null, '_______________ / _______________ /']);
  sheet.addRow(['М. П.', null, null, 'М. П.']);

  sheet.getColumn('date').numFmt = 'dd.mm.yyyy';
  for (const key of ['debit', 'credit']) {
    sheet.getColumn(key).eachCell((cell, rowNumber) => {
      if (rowNumber > headerRow) cell.numFmt = MONEY_FORMAT;
    });
  }
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
