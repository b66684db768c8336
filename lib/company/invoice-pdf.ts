// The company's invoice (счёт на оплату) for one bill, A4: the utility's bank details in the usual
// box, supplier, buyer, the contract as the ground, the lines with VAT inside, the totals, the exact
// purpose line for the payment order and a ГОСТ Р 56042 QR code carrying the same purpose.
import 'server-only';
import { paymentQr } from '@/lib/bills/qr-code';
import { formatDate, formatPeriod } from '@/lib/format/dates';
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
  MUTED,
  startPdf,
} from '@/lib/pdf/document';
import type { UtilityRequisites } from '@/lib/bills/queries';
import { type CompanyBillDocuments, invoiceQrPayload } from './documents';
import type { VatSplit } from './vat';

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
export function drawTotals(doc: Doc, y: number, total: VatSplit, vatRatePercent: number): number {
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

export async function renderInvoicePdf(docs: CompanyBillDocuments, options: { now?: Date } = {}): Promise<Buffer> {
  const now = options.now ?? new Date();
  const { detail, buyer } = docs;
  const { utility, account, bill } = detail;
  const { doc, done } = startPdf({
    title: `Счёт № ${docs.number} от ${formatDate(docs.invoiceDate)}`,
    author: utility.fullName,
    subject: `Счёт на оплату электроэнергии за ${formatPeriod(bill.period)}, договор ${account.contractNumber}`,
    createdAt: now,
  });

  let y = drawBankBox(doc, utility);

  doc
    .font(FONT_BOLD)
    .fontSize(15)
    .fillColor(INK)
    .text(`Счёт на оплату № ${docs.number} от ${formatDate(docs.invoiceDate)}`, MARGIN, y, { width: CONTENT });
  y = doc.y + 8;
  y = labelValue(
    doc,
    MARGIN,
    y,
    CONTENT,
    'Поставщик',
    `${utility.fullName}, ИНН ${utility.inn}, КПП ${utility.kpp}, ${utility.legalAddress}`,
  );
  y = labelValue(
    doc,
    MARGIN,
    y,
    CONTENT,
    'Покупатель',
    `${buyer.name}, ИНН ${buyer.inn}${buyer.kpp ? `, КПП ${buyer.kpp}` : ''}, ${buyer.legalAddress}`,
  );
  y = labelValue(
    doc,
    MARGIN,
    y,
    CONTENT,
    'Основание',
    `Договор энергоснабжения № ${account.contractNumber}, лицевой счёт ${account.number}, точка поставки: ${account.address}`,
  );
  y += 6;

  y = drawHeaderRow(doc, columns, y);
  docs.lines.forEach((line, i) => {
    const price = line.quantity ? money(Math.round(line.grossKopecks / line.quantity)) : '—';
    y = drawRowWithRoom(doc, columns, y, [
      String(i + 1),
      line.name,
      quantity(line.quantity),
      line.unit?.symbol ?? '—',
      price,
      money(line.grossKopecks),
    ]);
  });

  y = ensureRoom(doc, y, 70) + 6;
  y = drawTotals(doc, y, docs.total, docs.vatRatePercent);
  y += 6;
  doc
    .font(FONT_REGULAR)
    .fontSize(9.5)
    .fillColor(INK)
    .text(
      `Всего наименований ${docs.lines.length}, на сумму ${formatRub(docs.total.grossKopecks)}. Оплатить до ${formatDate(bill.dueDate)}.`,
      MARGIN,
      y,
      { width: CONTENT },
    );
  y = doc.y + 10;

  // ─── How to pay ───
  const qrSide = 130;
  y = ensureRoom(doc, y, qrSide + 30);
  horizontalRule(doc, y);
  y += 10;
  const payload = invoiceQrPayload(docs);
  const textX = payload ? MARGIN + qrSide + 16 : MARGIN;
  const textWidth = MARGIN + CONTENT - textX;
  if (payload) {
    const qr = paymentQr(payload);
    doc
      .save()
      .translate(MARGIN, y)
      .scale(qrSide / qr.extent)
      .path(qr.path)
      .fill('#000000')
      .restore();
  }
  doc.font(FONT_BOLD).fontSize(10).fillColor(INK).text('Назначение платежа', textX, y, { width: textWidth });
  doc.font(FONT_REGULAR).fontSize(9.5).text(docs.purpose, { width: textWidth });
  doc.moveDown(0.5);
  doc
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(
      'Укажите назначение платежа без изменений: по номеру счёта платёж зачисляется автоматически. QR-код слева заполняет платёжное поручение в приложении банка.',
      { width: textWidth },
    );
  doc.end();
  return done;
}
