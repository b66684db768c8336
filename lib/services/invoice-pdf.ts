// The invoice (счёт на оплату) of a company's paid-service request, A4: the utility's bank box,
// supplier and buyer, the request as the ground, its one line with VAT inside, the totals and the
// purpose line to copy into the payment order; the same pieces as the electricity invoice.
import 'server-only';
import { formatDate } from '@/lib/format/dates';
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
import { documentFileName, drawBankBox, drawInvoiceHeading, drawInvoiceLines } from '@/lib/pdf/invoice';
import type { ServiceInvoice } from './invoice';

export function serviceInvoiceFileName(invoice: ServiceInvoice): string {
  return documentFileName('schet', `uslugi-${invoice.request.number}`);
}

export async function renderServiceInvoicePdf(invoice: ServiceInvoice, now = new Date()): Promise<Buffer> {
  const { utility, buyer, request } = invoice;
  const { doc, done } = startPdf({
    title: `Счёт № ${invoice.number} от ${formatDate(invoice.invoiceDate)}`,
    author: utility.fullName,
    subject: `Счёт на оплату платной услуги по заявке № ${request.number}`,
    createdAt: now,
  });
  let y = drawBankBox(doc, { ...utility, bic: utility.bik });
  y = drawInvoiceHeading(doc, y, {
    number: invoice.number,
    date: invoice.invoiceDate,
    supplier: utility,
    buyer,
    ground: `Заявка № ${request.number} на платные услуги, лицевой счёт ${request.accountNumber}, адрес работ: ${request.address}`,
  });
  y = drawInvoiceLines(doc, y, {
    lines: [
      { name: request.title, quantity: request.quantity, unit: request.unit, grossKopecks: invoice.total.grossKopecks },
    ],
    total: invoice.total,
    vatRatePercent: invoice.vatRatePercent,
    closing: 'Работы назначаются после поступления оплаты.',
  });
  y = ensureRoom(doc, y, 80);
  horizontalRule(doc, y);
  y += 10;
  doc.font(FONT_BOLD).fontSize(10).fillColor(INK).text('Назначение платежа', MARGIN, y, { width: CONTENT });
  doc.font(FONT_REGULAR).fontSize(9.5).text(invoice.purpose, { width: CONTENT });
  doc.moveDown(0.5);
  doc
    .fontSize(8.5)
    .fillColor(MUTED)
    .text('Укажите назначение платежа без изменений: по номеру заявки мы зачтём оплату и назначим выезд.', {
      width: CONTENT,
    });
  doc.end();
  return done;
}
