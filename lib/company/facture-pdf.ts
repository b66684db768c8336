// The счёт-фактура of one bill, A4, with what НК РФ ст. 169 п. 5 requires and in the column order
// of the form approved by ПП РФ от 26.12.2011 № 1137: number and date; seller's and buyer's names,
// addresses, ИНН/КПП; shipper and consignee; the payment document (none for a supply already
// made); the currency (российский рубль, 643); per line the name, unit (ОКЕИ code and symbol),
// quantity, price without tax, cost without tax, excise, the tax rate, the tax, cost with tax; and
// the signature lines. The amounts include VAT; it is split out line by line (lib/company/vat.ts).
import 'server-only';
import { formatDate } from '@/lib/format/dates';
import {
  type Column,
  CONTENT,
  drawHeaderRow,
  drawRowWithRoom,
  ensureRoom,
  FONT_BOLD,
  FONT_REGULAR,
  INK,
  MARGIN,
  MUTED,
  startPdf,
} from '@/lib/pdf/document';
import type { CompanyBillDocuments } from './documents';
import { money } from '@/lib/pdf/invoice';

const columns: Column[] = [
  { title: 'Наименование (1)', width: 118, align: 'left' },
  { title: 'Ед. код (2)', width: 32, align: 'left' },
  { title: 'Ед. обозн. (2а)', width: 38, align: 'left' },
  { title: 'Кол-во (3)', width: 44, align: 'right' },
  { title: 'Цена без налога (4)', width: 46, align: 'right' },
  { title: 'Стоимость без налога (5)', width: 55, align: 'right' },
  { title: 'Акциз (6)', width: 34, align: 'right' },
  { title: 'Ставка (7)', width: 32, align: 'left' },
  { title: 'Сумма налога (8)', width: 50, align: 'right' },
  { title: 'Стоимость с налогом (9)', width: 55, align: 'right' },
  { title: 'Страна (10)', width: CONTENT - 118 - 32 - 38 - 44 - 46 - 55 - 34 - 32 - 50 - 55, align: 'left' },
];

/** Price without tax per unit to the kopeck: informational (column 5 is the exact figure). */
function netPrice(netKopecks: number, quantity: number | null): string {
  if (!quantity) return '—';
  return money(Math.round(netKopecks / quantity));
}

export async function renderFacturePdf(docs: CompanyBillDocuments, options: { now?: Date } = {}): Promise<Buffer> {
  const now = options.now ?? new Date();
  const { detail, buyer } = docs;
  const { utility, account } = detail;
  const rate = docs.vatRatePercent === 0 ? 'без НДС' : `${docs.vatRatePercent}%`;
  const { doc, done } = startPdf({
    title: `Счёт-фактура № ${docs.number} от ${formatDate(docs.factureDate)}`,
    author: utility.fullName,
    subject: `Счёт-фактура, договор ${account.contractNumber}`,
    createdAt: now,
  });

  doc
    .font(FONT_REGULAR)
    .fontSize(7)
    .fillColor(MUTED)
    .text(
      'Приложение № 1 к постановлению Правительства Российской Федерации от 26 декабря 2011 г. № 1137',
      MARGIN,
      MARGIN,
      {
        width: CONTENT,
        align: 'right',
      },
    );
  doc
    .font(FONT_BOLD)
    .fontSize(13)
    .fillColor(INK)
    .text(`Счёт-фактура № ${docs.number} от ${formatDate(docs.factureDate)} (1)`, MARGIN, doc.y + 6, {
      width: CONTENT,
    });
  doc.font(FONT_REGULAR).fontSize(9).text('Исправление № — от — (1а)', { width: CONTENT });
  doc.moveDown(0.4);
  const buyerInnKpp = `${buyer.inn}/${buyer.kpp ?? '—'}`;
  const rows: [string, string][] = [
    ['Продавец (2)', utility.fullName],
    ['Адрес (2а)', utility.legalAddress],
    ['ИНН/КПП продавца (2б)', `${utility.inn}/${utility.kpp}`],
    ['Грузоотправитель и его адрес (3)', 'он же'],
    ['Грузополучатель и его адрес (4)', `${buyer.name}, ${account.address}`],
    ['К платёжно-расчётному документу № (5)', '— от —'],
    ['Документ об отгрузке (5а)', `№ п/п 1–${docs.lines.length} № ${docs.number} от ${formatDate(docs.factureDate)}`],
    ['Покупатель (6)', buyer.name],
    ['Адрес (6а)', buyer.legalAddress],
    ['ИНН/КПП покупателя (6б)', buyerInnKpp],
    ['Валюта: наименование, код (7)', 'Российский рубль, 643'],
    ['Идентификатор государственного контракта, договора (соглашения) (8)', '—'],
  ];
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font(FONT_REGULAR).fontSize(8).fillColor(MUTED).text(label, MARGIN, y, { width: 190 });
    const labelBottom = doc.y;
    doc
      .font(FONT_REGULAR)
      .fontSize(8.5)
      .fillColor(INK)
      .text(value, MARGIN + 195, y, { width: CONTENT - 195 });
    doc.y = Math.max(labelBottom, doc.y) + 1;
  }
  let y = doc.y + 8;

  y = drawHeaderRow(doc, columns, y);
  for (const line of docs.lines) {
    y = drawRowWithRoom(
      doc,
      columns,
      y,
      [
        line.name,
        line.unit?.code ?? '—',
        line.unit?.symbol ?? '—',
        line.quantity === null ? '—' : new Intl.NumberFormat('ru-RU').format(line.quantity),
        netPrice(line.netKopecks, line.quantity),
        money(line.netKopecks),
        'без акциза',
        rate,
        docs.vatRatePercent === 0 ? 'без НДС' : money(line.vatKopecks),
        money(line.grossKopecks),
        '—',
      ],
      { size: 7 },
    );
  }
  y = drawRowWithRoom(
    doc,
    columns,
    y,
    [
      'Всего к оплате (9)',
      null,
      null,
      null,
      null,
      money(docs.total.netKopecks),
      'X',
      null,
      docs.vatRatePercent === 0 ? 'без НДС' : money(docs.total.vatKopecks),
      money(docs.total.grossKopecks),
      '',
    ],
    { size: 7.5, bold: true },
  );

  y = ensureRoom(doc, y, 80) + 18;
  const half = (CONTENT - 20) / 2;
  const signature = (x: number, title: string) => {
    doc.font(FONT_REGULAR).fontSize(8.5).fillColor(INK).text(title, x, y, { width: half });
    doc
      .moveTo(x, y + 30)
      .lineTo(x + half, y + 30)
      .lineWidth(0.5)
      .strokeColor(INK)
      .stroke();
    doc
      .fontSize(7)
      .fillColor(MUTED)
      .text('(подпись)                    (ф. и. о.)', x, y + 32, { width: half });
  };
  signature(MARGIN, 'Руководитель организации или иное уполномоченное лицо');
  signature(MARGIN + half + 20, 'Главный бухгалтер или иное уполномоченное лицо');
  doc.end();
  return done;
}
