// The PDF receipt (квитанция) of one bill, A4: the payee's bank details, the payer, the period,
// the receipt number, the lines by meter and zone, the total and the ГОСТ Р 56042-2014 payment QR code.
//
// PDFKit draws it; the text is set in DejaVu Sans, read at run time from the `dejavu-fonts-ttf`
// package (TrueType with Cyrillic and «₽»; PDFKit embeds only the glyphs used, with a ToUnicode map,
// so the text can be searched and copied). The built-in PDF fonts have no Cyrillic, so they are never
// loaded. The QR code is vector paths (lib/bills/qr-code.ts), sharp in print.
import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime, formatPeriod } from '@/lib/format/dates';
import { formatKwh, formatRub } from '@/lib/format/money';
import { isEstimatedLine, lineMethodLabel, lineZoneLabel } from './labels';
import { paymentQr } from './qr-code';
import { paymentPurpose } from './qr-payload';
import type { BillDetail, BillLineGroup } from './queries';
import { billStatusLabels } from './status';

// Static paths (the build traces them into the server output): the app runs from the project root.
const FONT_REGULAR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf');
const FONT_BOLD = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans-Bold.ttf');

/** `R-202610-50010002` → `kvitanciya-R-202610-50010002.pdf` (ASCII only: every browser keeps it). */
export function receiptFileName(receiptNumber: string): string {
  return `kvitanciya-${receiptNumber.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`;
}

function checkFonts(): void {
  if (!fs.existsSync(FONT_REGULAR) || !fs.existsSync(FONT_BOLD)) {
    throw new Error(`Receipt fonts missing: ${FONT_REGULAR} (is the dejavu-fonts-ttf package installed?)`);
  }
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;
const CONTENT = A4.width - 2 * MARGIN;
const INK = '#111827';
const MUTED = '#4b5563';
const RULE = '#9ca3af';

/** A sum without the «₽» (the column header says it): «1 234,56». */
const amount = (kopecks: number) => formatRub(kopecks).replace(/\u00a0₽$/, '');
const wholeKwh = (kwh: number) => formatKwh(kwh).replace(/\u00a0кВт·ч$/, '');

type Doc = PDFKit.PDFDocument;

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
}

const columns: Column[] = [
  { title: 'Зона', width: 85, align: 'left' },
  { title: 'Способ', width: 160, align: 'left' },
  { title: 'Расход, кВт·ч', width: 85, align: 'right' },
  { title: 'Тариф, ₽/кВт·ч', width: 90, align: 'right' },
  { title: 'Сумма, ₽', width: CONTENT - 85 - 160 - 85 - 90, align: 'right' },
];

const PAD = 4;

/** A row's cells: `null` joins a cell to the one before it (the total's label spans zone and method). */
type Cells = (string | null)[];

function cellLayout(cells: Cells): { text: string; x: number; width: number; align: 'left' | 'right' }[] {
  const out: { text: string; x: number; width: number; align: 'left' | 'right' }[] = [];
  let x = MARGIN;
  cells.forEach((text, i) => {
    const col = columns[i]!;
    const last = out.at(-1);
    if (text === null && last) last.width += col.width;
    else out.push({ text: text ?? '', x, width: col.width, align: col.align });
    x += col.width;
  });
  return out;
}

function rowHeight(doc: Doc, cells: Cells, size: number): number {
  doc.fontSize(size);
  return Math.max(...cellLayout(cells).map((c) => doc.heightOfString(c.text, { width: c.width - 2 * PAD }))) + 2 * PAD;
}

function drawRow(
  doc: Doc,
  y: number,
  cells: Cells,
  opts: { bold?: boolean; size?: number; fill?: string } = {},
): number {
  const size = opts.size ?? 9;
  const height = rowHeight(doc.font(opts.bold ? FONT_BOLD : FONT_REGULAR), cells, size);
  if (opts.fill) doc.save().rect(MARGIN, y, CONTENT, height).fill(opts.fill).restore();
  for (const cell of cellLayout(cells)) {
    doc
      .fillColor(INK)
      .text(cell.text, cell.x + PAD, y + PAD, { width: cell.width - 2 * PAD, align: cell.align, lineBreak: true });
  }
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + CONTENT, y + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  return y + height;
}

/** Starts a new page when `needed` points do not fit; returns the y to draw at. */
function ensureRoom(doc: Doc, y: number, needed: number): number {
  if (y + needed <= A4.height - MARGIN) return y;
  doc.addPage();
  return MARGIN;
}

function labelValue(doc: Doc, x: number, y: number, width: number, label: string, value: string): number {
  doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED).text(label, x, y, { width });
  const valueY = doc.y;
  doc.font(FONT_REGULAR).fontSize(9.5).fillColor(INK).text(value, x, valueY, { width });
  return doc.y + 4;
}

function groupTitle(group: BillLineGroup): string {
  if (!group.meter) return 'Прочие начисления';
  return `Счётчик № ${group.meter.serialNumber}${group.meter.model ? ` (${group.meter.model})` : ''}`;
}

/** The receipt as PDF bytes. `now` is printed as the moment the receipt was made. */
export async function renderReceiptPdf(detail: BillDetail, options: { now?: Date } = {}): Promise<Buffer> {
  checkFonts();
  const now = options.now ?? new Date();
  const { bill, account, utility } = detail;
  const periodLabel = formatPeriod(bill.period);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // The default font would be Helvetica (no Cyrillic): start in ours so the built-in ones are never loaded.
    font: FONT_REGULAR,
    lang: 'ru-RU',
    displayTitle: true,
    info: {
      Title: `Квитанция ${bill.receiptNumber} за ${periodLabel}`,
      Author: utility.fullName,
      Subject: `Счёт за электроэнергию, лицевой счёт ${account.number}`,
      Creator: 'Энергокабинет',
      CreationDate: now,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
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
  if (account.phone) ry = labelValue(doc, rightX, ry, half, 'Телефон', account.phone);
  y = Math.max(ly, ry) + 6;

  // ─── The bill ───
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT, y)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
  y += 8;
  const third = (CONTENT - 20) / 3;
  const facts: [string, string][] = [
    ['Расчётный период', periodLabel],
    ['Дата выставления', formatDate(bill.issuedAt)],
    ['Оплатить до', formatDate(bill.dueDate)],
  ];
  let factsBottom = y;
  facts.forEach(([label, value], i) => {
    factsBottom = Math.max(factsBottom, labelValue(doc, MARGIN + i * (third + 10), y, third, label, value));
  });
  y = factsBottom + 8;

  // ─── Lines, by meter ───
  for (const group of detail.groups) {
    y = ensureRoom(doc, y, 70);
    doc.font(FONT_BOLD).fontSize(10).fillColor(INK).text(groupTitle(group), MARGIN, y, { width: CONTENT });
    y = doc.y + 4;
    y = drawRow(
      doc,
      y,
      columns.map((c) => c.title),
      { bold: true, size: 8.5, fill: '#f3f4f6' },
    );
    for (const line of group.lines) {
      const cells = [
        lineZoneLabel(line),
        lineMethodLabel(line, bill.period) + (isEstimatedLine(line) ? ' (нет показаний)' : ''),
        line.kwh === null ? '—' : wholeKwh(line.kwh),
        line.priceKopecks === null ? '—' : amount(line.priceKopecks),
        amount(line.amountKopecks),
      ];
      y = ensureRoom(doc, y, rowHeight(doc.font(FONT_REGULAR), cells, 9));
      y = drawRow(doc, y, cells);
    }
    if (group.lines.length > 1) {
      const cells = ['Итого по счётчику', null, wholeKwh(group.kwh), '', amount(group.amountKopecks)];
      y = ensureRoom(doc, y, rowHeight(doc.font(FONT_BOLD), cells, 9));
      y = drawRow(doc, y, cells, { bold: true });
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
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + CONTENT, y)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
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
      `Назначение платежа: ${paymentPurpose({ periodLabel, accountNumber: account.number, receiptNumber: bill.receiptNumber })}`,
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
