// The PDF receipt (квитанция) of one bill, A4: the payee's bank details, the payer, the period,
// the receipt number, the lines by meter and zone, the total and the ГОСТ Р 56042-2014 payment QR code.
// Drawn on the shared A4 document (lib/pdf); the QR code is vector paths (lib/bills/qr-code.ts), sharp in print.
import 'server-only';
import { formatDate, formatDateTime, formatPeriod } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';
import {
  type Cells,
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
import { isEstimatedLine, lineMethodLabel, lineZoneLabel } from './labels';
import { paymentQr } from './qr-code';
import { gisReferenceFor, paymentPurpose } from './qr-payload';
import type { BillDetail, BillLineGroup } from './queries';
import { billStatusLabels } from './status';

/** `R-202610-50010002` → `kvitanciya-R-202610-50010002.pdf` (ASCII only: every browser keeps it). */
export function receiptFileName(receiptNumber: string): string {
  return `kvitanciya-${receiptNumber.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
}

/** A sum without the «₽» (the column header says it): «1 234,56». */
const amount = (kopecks: number) => formatRub(kopecks).replace(/\u00a0₽$/, '');
const wholeKwh = (kwh: number) => formatKwh(kwh).replace(/\u00a0кВт·ч$/, '');

const columns: Column[] = [
  { title: 'Зона', width: 85, align: 'left' },
  { title: 'Способ', width: 160, align: 'left' },
  { title: 'Расход, кВт·ч', width: 85, align: 'right' },
  { title: 'Тариф, ₽/кВт·ч', width: 90, align: 'right' },
  { title: 'Сумма, ₽', width: CONTENT - 85 - 160 - 85 - 90, align: 'right' },
];

function groupTitle(group: BillLineGroup): string {
  if (!group.meter) return 'Прочие начисления';
  return `Счётчик № ${group.meter.serialNumber}${group.meter.model ? ` (${group.meter.model})` : ''}`;
}

/** The receipt as PDF bytes. `now` is printed as the moment the receipt was made. */
export async function renderReceiptPdf(detail: BillDetail, options: { now?: Date } = {}): Promise<Buffer> {
  const now = options.now ?? new Date();
  const { bill, account, utility } = detail;
  const periodLabel = formatPeriod(bill.period);
  const { doc, done } = startPdf({
    title: `Квитанция ${bill.receiptNumber} за ${periodLabel}`,
    author: utility.fullName,
    subject: `Счёт за электроэнергию, лицевой счёт ${account.number}`,
    createdAt: now,
  });

  // ─── Heading ───
  doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED).text(utility.fullName, MARGIN, MARGIN, { width: CONTENT });
  doc.font(FONT_BOLD).fontSize(16).fillColor(INK).text(`Квитанция № ${bill.receiptNumber}`, { width: CONTENT });
  doc.font(FONT_REGULAR).fontSize(11).text(`Счёт на оплату электроэнергии за ${periodLabel}`, { width: CONTENT });
  let y = doc.y + 10;

  // ─── Payee (left) and payer (right) ───
  const half = (CONTENT - 20) / 2;
  const leftX = MARGIN;
  const rightX = MARGIN + half + 20;
  doc.font(FONT_BOLD).fontSize(10).fillColor(INK);
  const headingBottom = y + doc.heightOfString('Получатель платежа', { width: half }) + 4;
  doc.text('Получатель платежа', leftX, y, { width: half });
  doc.text('Плательщик', rightX, y, { width: half });
  let ly = headingBottom;
  ly = labelValue(doc, leftX, ly, half, 'Наименование', utility.fullName);
  ly = labelValue(doc, leftX, ly, half, 'ИНН / КПП', `${utility.inn} / ${utility.kpp}`);
  ly = labelValue(doc, leftX, ly, half, 'Банк получателя', utility.bankName);
  ly = labelValue(doc, leftX, ly, half, 'БИК', utility.bic);
  ly = labelValue(doc, leftX, ly, half, 'Корреспондентский счёт', utility.correspondentAccount);
  ly = labelValue(doc, leftX, ly, half, 'Расчётный счёт', utility.settlementAccount);
  let ry = headingBottom;
  ry = labelValue(doc, rightX, ry, half, 'ФИО', account.holderName);
  ry = labelValue(doc, rightX, ry, half, 'Адрес', [account.postcode, account.address].filter(Boolean).join(', '));
  ry = labelValue(doc, rightX, ry, half, 'Лицевой счёт', account.number);
  ry = labelValue(doc, rightX, ry, half, 'Договор', account.contractNumber);
  if (account.els) ry = labelValue(doc, rightX, ry, half, 'ЕЛС (ГИС ЖКХ)', account.els);
  if (account.izhku) ry = labelValue(doc, rightX, ry, half, 'ИЖКУ (ГИС ЖКХ)', account.izhku);
  if (account.phone) ry = labelValue(doc, rightX, ry, half, 'Телефон', account.phone);
  y = Math.max(ly, ry) + 6;

  // ─── The bill ───
  horizontalRule(doc, y);
  y += 8;
  const third = (CONTENT - 20) / 3;
  const factWidth = bill.ipd ? (CONTENT - 30) / 4 : third;
  const facts: [string, string][] = [
    ['Расчётный период', periodLabel],
    ['Дата выставления', formatDate(bill.issuedAt)],
    ['Оплатить до', formatDate(bill.dueDate)],
  ];
  // The ИПД names this very document in ГИС ЖКХ: by it the bill is paid anywhere, /pay included.
  if (bill.ipd) facts.push(['ИПД (ГИС ЖКХ)', bill.ipd]);
  let factsBottom = y;
  facts.forEach(([label, value], i) => {
    factsBottom = Math.max(factsBottom, labelValue(doc, MARGIN + i * (factWidth + 10), y, factWidth, label, value));
  });
  y = factsBottom + 8;

  // ─── Lines, by meter ───
  for (const group of detail.groups) {
    y = ensureRoom(doc, y, 70);
    doc.font(FONT_BOLD).fontSize(10).fillColor(INK).text(groupTitle(group), MARGIN, y, { width: CONTENT });
    y = doc.y + 4;
    y = drawHeaderRow(doc, columns, y);
    for (const line of group.lines) {
      const cells = [
        lineZoneLabel(line),
        lineMethodLabel(line, bill.period) + (isEstimatedLine(line) ? ' (нет показаний)' : ''),
        line.kwh === null ? '—' : wholeKwh(line.kwh),
        line.priceKopecks === null ? '—' : amount(line.priceKopecks),
        amount(line.amountKopecks),
      ];
      y = drawRowWithRoom(doc, columns, y, cells);
    }
    if (group.lines.length > 1) {
      const cells: Cells = ['Итого по счётчику', null, wholeKwh(group.kwh), '', amount(group.amountKopecks)];
      y = drawRowWithRoom(doc, columns, y, cells, { bold: true });
    }
    y += 10;
  }
  if (detail.groups.length === 0) {
    doc
      .font(FONT_REGULAR)
      .fontSize(9.5)
      .fillColor(MUTED)
      .text('Начислений в этом счёте нет.', MARGIN, y, { width: CONTENT });
    y = doc.y + 10;
  }

  // ─── Total ───
  y = ensureRoom(doc, y, 40);
  doc
    .font(FONT_BOLD)
    .fontSize(13)
    .fillColor(INK)
    .text(`Итого к оплате: ${formatRub(Math.max(bill.amountKopecks, 0))}`, MARGIN, y, {
      width: CONTENT,
      align: 'right',
    });
  doc
    .font(FONT_REGULAR)
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `Статус на ${formatDate(now)}: ${billStatusLabels[bill.status].toLowerCase()}${bill.status === 'partial' ? `, осталось ${formatRub(bill.outstandingKopecks)}` : ''}`,
      {
        width: CONTENT,
        align: 'right',
      },
    );
  y = doc.y + 14;

  // ─── How to pay: the QR code and the details to type ───
  const qrSide = 160;
  y = ensureRoom(doc, y, qrSide + 40);
  horizontalRule(doc, y);
  y += 10;
  let qrBottom = y;
  const textX = detail.qrPayload ? MARGIN + qrSide + 20 : MARGIN;
  const textWidth = MARGIN + CONTENT - textX;
  if (detail.qrPayload) {
    const qr = paymentQr(detail.qrPayload);
    const scale = qrSide / qr.extent;
    doc.save().translate(MARGIN, y).scale(scale).path(qr.path).fill('#000000').restore();
    doc
      .font(FONT_BOLD)
      .fontSize(8.5)
      .fillColor(INK)
      .text('Отсканируйте в приложении банка', MARGIN - 10, y + qrSide + 2, { width: qrSide + 20, align: 'center' });
    qrBottom = doc.y;
  }
  doc.font(FONT_BOLD).fontSize(10).fillColor(INK).text('Как оплатить', textX, y, { width: textWidth });
  doc
    .font(FONT_REGULAR)
    .fontSize(9)
    .fillColor(INK)
    .list(
      [
        'В приложении банка: «Оплата по QR-коду» — получатель, сумма и назначение заполнятся сами.',
        `По реквизитам в банке или в онлайн-банке: получатель, ИНН, БИК и счета — слева вверху; в назначении укажите номер квитанции ${bill.receiptNumber} и лицевой счёт ${account.number}.`,
        'Картой в личном кабинете: раздел «Счета», кнопка «Оплатить».',
      ],
      { width: textWidth, bulletRadius: 1.5, paragraphGap: 3 },
    );
  doc.moveDown(0.5);
  doc
    .font(FONT_REGULAR)
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(
      `Назначение платежа: ${paymentPurpose({
        periodLabel,
        accountNumber: account.number,
        receiptNumber: bill.receiptNumber,
        gis: gisReferenceFor({ ipd: bill.ipd, izhku: account.izhku, els: account.els }),
      })}`,
      { width: textWidth },
    );
  y = Math.max(doc.y, qrBottom) + 12;

  // ─── Footer ───
  y = ensureRoom(doc, y, 40);
  const contacts = [utility.legalAddress, `тел. ${utility.mainPhone}`, utility.email, utility.website]
    .filter(Boolean)
    .join(' · ');
  doc
    .font(FONT_REGULAR)
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(`${utility.shortName}: ${contacts}`, MARGIN, y, { width: CONTENT });
  doc.text(`Квитанция сформирована ${formatDateTime(now)} (московское время) в личном кабинете.`, { width: CONTENT });

  doc.end();
  return done;
}
