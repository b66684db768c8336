// The pieces every счёт на оплату shares, whatever it is for (electricity, a paid service): the
// bank box, the title with supplier, buyer and ground, the table of lines with VAT inside and the
// totals under it, so the two invoices cannot drift apart in layout or wording.
import 'server-only';
import type { UtilityRequisites } from '@/lib/bills/queries';
import type { VatSplit } from '@/lib/company/vat';
import { formatDate } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import {
  type Column,
  CONTENT,
  type Doc,
  drawHeaderRow,
  drawRowWithRoom,
  ensureRoom,
  FONT_BOLD,
  FONT_REGULAR,
  horizontalRule,
  INK,
  labelValue,
  MARGIN,
} from './document';

export const money = (kopecks: number) => formatRub(kopecks).replace(/\u00a0₽$/, '');
const quantity = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat('ru-RU').format(n));

export function documentFileName(kind: 'schet' | 'schet-faktura', number: string): string {
  return `${kind}-${number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
}

const columns: Column[] = [
  { title: '№', width: 24, align: 'right' },
  { title: 'Наименование', width: 233, align: 'left' },
  { title: 'Кол-во', width: 58, align: 'right' },
  { title: 'Ед.', width: 40, align: 'left' },
  { title: 'Цена с НДС, ₽', width: 70, align: 'right' },
  { title: 'Сумма с НДС, ₽', width: CONTENT - 24 - 233 - 58 - 40 - 70, align: 'right' },
];

type BankDetails = Pick<
  UtilityRequisites,
  'bankName' | 'bic' | 'correspondentAccount' | 'fullName' | 'inn' | 'kpp' | 'settlementAccount'
>;

/** The bank box at the top, as on every Russian invoice; returns where the page continues. */
export function drawBankBox(doc: Doc, utility: BankDetails): number {
  let y = MARGIN;
  const half = (CONTENT - 20) / 2;
  y = labelValue(doc, MARGIN, y, half, 'Банк получателя', utility.bankName);
  const left = y;
  y = MARGIN;
  y = labelValue(doc, MARGIN + half + 20, y, half, 'БИК', utility.bic);
  y = labelValue(doc, MARGIN + half + 20, y, half, 'Корр. счёт', utility.correspondentAccount);
  y = Math.max(left, y);
  y = labelValue(doc, MARGIN, y, half, 'Получатель', `${utility.fullName}, ИНН ${utility.inn}, КПП ${utility.kpp}`);
  y = labelValue(doc, MARGIN, y, half, 'Расчётный счёт', utility.settlementAccount);
  horizontalRule(doc, y + 2);
  return y + 12;
}

/** «Итого без НДС», the VAT line and «Всего к оплате», right-aligned under the table. */
function drawTotals(doc: Doc, y: number, total: VatSplit, vatRatePercent: number): number {
  const totals: [string, string][] = [
    ['Итого без НДС:', money(total.netKopecks)],
    [vatRatePercent === 0 ? 'Без налога (НДС):' : `В том числе НДС (${vatRatePercent}%):`, money(total.vatKopecks)],
    ['Всего к оплате:', money(total.grossKopecks)],
  ];
  for (const [label, value] of totals) {
    doc.font(FONT_BOLD).fontSize(10).fillColor(INK);
    doc.text(label, MARGIN, y, { width: CONTENT - 110, align: 'right' });
    doc.text(value, MARGIN + CONTENT - 100, y, { width: 100, align: 'right' });
    y = doc.y + 2;
  }
  return y;
}

interface Party {
  inn: string;
  kpp: string | null;
  legalAddress: string;
}

/** «Счёт на оплату № … от …», then supplier, buyer and the ground; returns where the table starts. */
export function drawInvoiceHeading(
  doc: Doc,
  y: number,
  heading: {
    number: string;
    date: string;
    supplier: Party & { fullName: string };
    buyer: Party & { name: string };
    ground: string;
  },
): number {
  const { supplier, buyer } = heading;
  doc
    .font(FONT_BOLD)
    .fontSize(15)
    .fillColor(INK)
    .text(`Счёт на оплату № ${heading.number} от ${formatDate(heading.date)}`, MARGIN, y, { width: CONTENT });
  y = doc.y + 8;
  const kpp = (p: Party) => (p.kpp ? `, КПП ${p.kpp}` : '');
  y = labelValue(
    doc,
    MARGIN,
    y,
    CONTENT,
    'Поставщик',
    `${supplier.fullName}, ИНН ${supplier.inn}${kpp(supplier)}, ${supplier.legalAddress}`,
  );
  y = labelValue(
    doc,
    MARGIN,
    y,
    CONTENT,
    'Покупатель',
    `${buyer.name}, ИНН ${buyer.inn}${kpp(buyer)}, ${buyer.legalAddress}`,
  );
  y = labelValue(doc, MARGIN, y, CONTENT, 'Основание', heading.ground);
  return y + 6;
}

export interface InvoiceLine {
  name: string;
  quantity: number | null;
  unit: string | null;
  grossKopecks: number;
}

/**
 * The numbered lines (price with VAT per unit), the totals and the closing sentence «Всего
 * наименований N, на сумму …» followed by `closing`; returns where the page continues.
 */
export function drawInvoiceLines(
  doc: Doc,
  y: number,
  invoice: { lines: InvoiceLine[]; total: VatSplit; vatRatePercent: number; closing: string },
): number {
  y = drawHeaderRow(doc, columns, y);
  invoice.lines.forEach((line, i) => {
    const price = line.quantity ? money(Math.round(line.grossKopecks / line.quantity)) : '—';
    y = drawRowWithRoom(doc, columns, y, [
      String(i + 1),
      line.name,
      quantity(line.quantity),
      line.unit ?? '—',
      price,
      money(line.grossKopecks),
    ]);
  });
  y = ensureRoom(doc, y, 70) + 6;
  y = drawTotals(doc, y, invoice.total, invoice.vatRatePercent);
  y += 6;
  doc
    .font(FONT_REGULAR)
    .fontSize(9.5)
    .fillColor(INK)
    .text(
      `Всего наименований ${invoice.lines.length}, на сумму ${formatRub(invoice.total.grossKopecks)}. ${invoice.closing}`,
      MARGIN,
      y,
      { width: CONTENT },
    );
  return doc.y + 10;
}
