// The акт сверки as an A4 PDF: both parties with their details, the period and the contracts, the
// opening balance, one line per ledger entry with its document, the turnovers, the closing balance,
// the conclusion in words and the two signature blocks (the utility's and the company's).
import 'server-only';
import { formatDate } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import {
  type Column,
  CONTENT,
  drawHeaderRow,
  drawRowWithRoom,
  ensureRoom,
  FONT_BOLD,
  FONT_REGULAR,
  INK,
  labelValue,
  MARGIN,
  MUTED,
  startPdf,
} from '@/lib/pdf/document';
import { money } from '@/lib/pdf/invoice';
import { type Reconciliation, reconciliationConclusion } from './reconciliation';

const columns: Column[] = [
  { title: 'Дата', width: 62, align: 'left' },
  { title: 'Документ', width: 215, align: 'left' },
  { title: 'Лицевой счёт', width: 72, align: 'left' },
  { title: 'Дебет (начислено), ₽', width: 83, align: 'right' },
  { title: 'Кредит (оплачено), ₽', width: CONTENT - 62 - 215 - 72 - 83, align: 'right' },
];

/** Opening and closing balances sit on the side they are owed to: debit for a debt, credit for an overpayment. */
const sides = (kopecks: number): [string, string] => (kopecks >= 0 ? [money(kopecks), ''] : ['', money(-kopecks)]);

export async function renderReconciliationPdf(act: Reconciliation, options: { now?: Date } = {}): Promise<Buffer> {
  const now = options.now ?? new Date();
  const period = `с ${formatDate(act.from)} по ${formatDate(act.to)}`;
  const { doc, done } = startPdf({
    title: `Акт сверки взаимных расчётов ${period}`,
    author: act.utility.fullName,
    subject: `Акт сверки взаимных расчётов между ${act.utility.shortName} и ${act.company.name} ${period}`,
    createdAt: now,
  });

  let y = MARGIN;
  doc
    .font(FONT_BOLD)
    .fontSize(14)
    .fillColor(INK)
    .text('Акт сверки взаимных расчётов', MARGIN, y, { width: CONTENT, align: 'center' });
  doc.font(FONT_REGULAR).fontSize(10).text(`за период ${period}`, { width: CONTENT, align: 'center' });
  y = doc.y + 10;
  const half = (CONTENT - 20) / 2;
  const u = act.utility;
  const c = act.company;
  const left = labelValue(
    doc,
    MARGIN,
    y,
    half,
    'Поставщик',
    `${u.fullName}, ИНН ${u.inn}, КПП ${u.kpp}, ${u.legalAddress}`,
  );
  const right = labelValue(
    doc,
    MARGIN + half + 20,
    y,
    half,
    'Покупатель',
    `${c.name}, ИНН ${c.inn}${c.kpp ? `, КПП ${c.kpp}` : ''}, ${c.legalAddress}`,
  );
  y = Math.max(left, right);
  y = labelValue(
    doc,
    MARGIN,
    y,
    CONTENT,
    'Договоры энергоснабжения',
    act.accounts.map((a) => `№ ${a.contractNumber} (лицевой счёт ${a.number}, ${a.address})`).join('; ') || '—',
  );
  doc
    .font(FONT_REGULAR)
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(`По данным ${u.shortName}, в рублях. Дебет — начислено покупателю, кредит — оплачено им.`, MARGIN, y + 2, {
      width: CONTENT,
    });
  y = doc.y + 8;

  y = drawHeaderRow(doc, columns, y);
  y = drawRowWithRoom(
    doc,
    columns,
    y,
    [`Сальдо на ${formatDate(act.from)}`, null, null, ...sides(act.openingKopecks)],
    {
      bold: true,
    },
  );
  for (const line of act.lines) {
    y = drawRowWithRoom(doc, columns, y, [
      formatDate(line.day),
      line.document,
      line.accountNumber,
      line.debitKopecks ? money(line.debitKopecks) : '',
      line.creditKopecks ? money(line.creditKopecks) : '',
    ]);
  }
  if (act.lines.length === 0) y = drawRowWithRoom(doc, columns, y, ['Движений за период нет', null, null, '', '']);
  y = drawRowWithRoom(
    doc,
    columns,
    y,
    ['Обороты за период', null, null, money(act.debitKopecks), money(act.creditKopecks)],
    {
      bold: true,
    },
  );
  y = drawRowWithRoom(doc, columns, y, [`Сальдо на ${formatDate(act.to)}`, null, null, ...sides(act.closingKopecks)], {
    bold: true,
  });

  y = ensureRoom(doc, y, 150) + 10;
  doc
    .font(FONT_BOLD)
    .fontSize(10)
    .fillColor(INK)
    .text(reconciliationConclusion(act, formatRub), MARGIN, y, { width: CONTENT });
  y = doc.y + 18;

  const signature = (x: number, party: string, name: string) => {
    doc.font(FONT_BOLD).fontSize(9).fillColor(INK).text(`От ${party}`, x, y, { width: half });
    doc.font(FONT_REGULAR).fontSize(8.5).text(name, x, doc.y, { width: half });
    const lineY = doc.y + 28;
    doc
      .moveTo(x, lineY)
      .lineTo(x + half, lineY)
      .lineWidth(0.5)
      .strokeColor(INK)
      .stroke();
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text('(должность)          (подпись)          (ф. и. о.)', x, lineY + 2, { width: half });
    doc.text('М. П.', x, lineY + 14, { width: half });
  };
  signature(MARGIN, 'поставщика', u.fullName);
  signature(MARGIN + half + 20, 'покупателя', c.name);
  doc.end();
  return done;
}
