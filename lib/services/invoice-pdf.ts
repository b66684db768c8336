// The invoice (счёт на оплату) of a company's paid-service request, A4: the utility's bank box,
// supplier and buyer, the request as the ground, its one line with VAT inside, the totals and the
// purpose line to copy into the payment order; the same pieces as the electricity invoice.
import 'server-only';
import { documentFileName, drawBankBox, drawTotals, money } from '@/lib/company/invoice-pdf';
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
  horizontalRule,
  INK,
  labelValue,
  MARGIN,
  MUTED,
  startPdf,
} from '@/lib/pdf/document';
import type { ServiceInvoice } from './invoice';

const columns: Column[] = [
  { title: '№', width: 24, align: 'right' },
  { title: 'Наименование', width: 233, align: 'left' },
  { title: 'Кол-во', width: 58, align: 'right' },
  { title: 'Ед.', width: 40, align: 'left' },
  { title: 'Цена с НДС, ₽', width: 70, align: 'right' },
  { title: 'Сумма с НДС, ₽', width: CONTENT - 24 - 233 - 58 - 40 - 70, align: 'right' },
];

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
  doc
    .font(FONT_BOLD)
    .fontSize(15)
    .fillColor(INK)
    .text(`Счёт на оплату № ${invoice.number} от ${formatDate(invoice.invoiceDate)}`, MARGIN, y, { width: CONTENT });
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
    `Заявка № ${request.number} на платные услуги, лицевой счёт ${request.accountNumber}, адрес работ: ${request.address}`,
  );
  y += 6;
  y = drawHeaderRow(doc, columns, y);
  y = drawRowWithRoom(doc, columns, y, [
    '1',
    request.title,
    new Intl.NumberFormat('ru-RU').format(request.quantity),
    request.unit,
    money(Math.round(invoice.total.grossKopecks / request.quantity)),
    money(invoice.total.grossKopecks),
  ]);
  y = ensureRoom(doc, y, 70) + 6;
  y = drawTotals(doc, y, invoice.total, invoice.vatRatePercent);
  y += 6;
  doc
    .font(FONT_REGULAR)
    .fontSize(9.5)
    .fillColor(INK)
    .text(
      `Всего наименований 1, на сумму ${formatRub(invoice.total.grossKopecks)}. Работы назначаются после поступления оплаты.`,
      MARGIN,
      y,
      { width: CONTENT },
    );
  y = ensureRoom(doc, doc.y + 10, 80);
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
