import 'server-only';
import { type SheetColumn, type SheetFile, type SheetFormat, sheetFile } from '@/lib/console/spreadsheet';
import { formatDate } from '@/lib/format/dates';
import { benefitStateLabels, listAccountBenefits } from './benefits';

// The list for the social protection office (управление социальной защиты): who holds which
// benefit, on which document, for which period. Expired benefits are included and marked.

const columns: SheetColumn[] = [
  { header: 'Лицевой счёт', width: 14 },
  { header: 'Абонент', width: 34 },
  { header: 'Адрес', width: 44 },
  { header: 'Код категории', width: 12 },
  { header: 'Категория', width: 34 },
  { header: 'Документ', width: 40 },
  { header: 'Действует с', width: 12 },
  { header: 'Действует по', width: 12 },
  { header: 'Состояние', width: 14 },
];

export async function benefitsFile(format: SheetFormat, today?: string): Promise<{ file: SheetFile; rows: number }> {
  const benefits = await listAccountBenefits(today);
  const rows = benefits.map((b) => [
    b.accountNumber,
    b.holderName,
    b.address,
    b.categoryCode,
    b.categoryName,
    b.basis,
    formatDate(b.validFrom),
    b.validTo ? formatDate(b.validTo) : 'бессрочно',
    benefitStateLabels[b.state],
  ]);
  return { file: await sheetFile(format, 'Льготники', columns, rows), rows: rows.length };
}
