// The act of completed works (акт выполненных работ) of a done request, A4, on the shared document.
import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, utilityProfile } from '@/db/schema';
import { formatDate, formatDateTime } from '@/lib/format/dates';
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
import type { RequestDetail } from './requests';

export function actFileName(number: number): string {
  return `akt-vypolnennyh-rabot-${number}.pdf`;
}

const amount = (kopecks: number) => formatRub(kopecks).replace(/\u00a0₽$/, '');

const columns: Column[] = [
  { title: '№', width: 25, align: 'left' },
  { title: 'Наименование работ', width: 250, align: 'left' },
  { title: 'Ед.', width: 55, align: 'left' },
  { title: 'Кол-во', width: 50, align: 'right' },
  { title: 'Цена, ₽', width: 67, align: 'right' },
  { title: 'Сумма, ₽', width: CONTENT - 25 - 250 - 55 - 50 - 67, align: 'right' },
];

/** The act's bytes, or null when the request is not done (there is nothing to sign yet). */
export async function renderActPdf(request: RequestDetail, now = new Date()): Promise<Buffer | null> {
  if (request.status !== 'done' || !request.doneAt || request.priceKopecks === null) return null;
  const [[utility], [customer]] = await Promise.all([
    db().select().from(utilityProfile).where(eq(utilityProfile.id, 1)),
    db().select({ fullName: users.fullName }).from(users).where(eq(users.id, request.userId)),
  ]);
  const utilityName = utility?.fullName ?? 'Энергокабинет';
  const { doc, done } = startPdf({
    title: `Акт выполненных работ по заявке № ${request.number}`,
    author: utilityName,
    subject: request.title,
    createdAt: now,
  });
  doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED).text(utilityName, MARGIN, MARGIN, { width: CONTENT });
  doc.font(FONT_BOLD).fontSize(16).fillColor(INK).text(`Акт выполненных работ № ${request.number}`, { width: CONTENT });
  doc
    .font(FONT_REGULAR)
    .fontSize(11)
    .text(`от ${formatDate(request.doneAt)}`, { width: CONTENT });
  let y = doc.y + 10;
  const half = (CONTENT - 20) / 2;
  let ly = labelValue(doc, MARGIN, y, half, 'Исполнитель', utilityName);
  if (utility) ly = labelValue(doc, MARGIN, ly, half, 'ИНН / КПП', `${utility.inn} / ${utility.kpp}`);
  if (utility) ly = labelValue(doc, MARGIN, ly, half, 'Адрес', utility.legalAddress);
  let ry = labelValue(doc, MARGIN + half + 20, y, half, 'Заказчик', customer?.fullName ?? '—');
  ry = labelValue(doc, MARGIN + half + 20, ry, half, 'Лицевой счёт', request.accountNumber);
  ry = labelValue(doc, MARGIN + half + 20, ry, half, 'Адрес выполнения работ', request.address);
  y = Math.max(ly, ry) + 8;

  y = drawHeaderRow(doc, columns, y);
  const unitPrice = Math.round(request.priceKopecks / request.quantity);
  y = drawRowWithRoom(doc, columns, y, [
    '1',
    request.title,
    request.unit,
    String(request.quantity),
    amount(unitPrice),
    amount(request.priceKopecks),
  ]);
  y = drawRowWithRoom(doc, columns, y, ['Итого', null, null, null, null, amount(request.priceKopecks)], { bold: true });
  y = ensureRoom(doc, y + 10, 120);
  const lines = [
    `Всего оказано услуг на сумму ${formatRub(request.priceKopecks)}, НДС включён.`,
    request.paidAt ? `Оплачено ${formatDateTime(request.paidAt)}.` : '',
    request.scheduledAt ? `Выезд: ${formatDateTime(request.scheduledAt)}, бригада: ${request.crew ?? '—'}.` : '',
    request.staffComment ? `Выполнено: ${request.staffComment}` : '',
    'Работы выполнены полностью и в срок. Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет.',
  ].filter(Boolean);
  doc.font(FONT_REGULAR).fontSize(10).fillColor(INK).text(lines.join('\n'), MARGIN, y, { width: CONTENT });
  y = ensureRoom(doc, doc.y + 30, 60);
  doc.text('Исполнитель ____________________', MARGIN, y, { width: half });
  doc.text('Заказчик ____________________', MARGIN + half + 20, y, { width: half });
  doc.end();
  return done;
}
