// The company's invoice (счёт на оплату) for one bill, A4: the utility's bank details in the usual
// box, supplier, buyer, the contract as the ground, the lines with VAT inside, the totals, the exact
// purpose line for the payment order and a ГОСТ Р 56042 QR code carrying the same purpose.
import 'server-only';
import { paymentQr } from '@/lib/bills/qr-code';
import { formatDate, formatPeriod } from '@/lib/format/dates';
import {
  CONTENT,
  ensureRoom,
  FONT_BOLD,
  FONT_REGULAR,
  horizontalRule,
  INK,
  MARGIN,
  MUTED,
  startPdf,
} from '@/lib/pdf/document';
import { drawBankBox, drawInvoiceHeading, drawInvoiceLines } from '@/lib/pdf/invoice';
import { type CompanyBillDocuments, invoiceQrPayload } from './documents';

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

  y = drawInvoiceHeading(doc, y, {
    number: docs.number,
    date: docs.invoiceDate,
    supplier: utility,
    buyer,
    ground: `Договор энергоснабжения № ${account.contractNumber}, лицевой счёт ${account.number}, точка поставки: ${account.address}`,
  });
  y = drawInvoiceLines(doc, y, {
    lines: docs.lines.map((line) => ({ ...line, unit: line.unit?.symbol ?? null })),
    total: docs.total,
    vatRatePercent: docs.vatRatePercent,
    closing: `Оплатить до ${formatDate(bill.dueDate)}.`,
  });

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
