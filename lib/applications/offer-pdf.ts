// The contract offer (оферта договора энергоснабжения) staff send for an application, A4, on the
// shared document: both parties' details, the object, the power and reliability category agreed,
// the main terms, and the way to accept it (sign and return, or sign by ЭДО).
import 'server-only';
import type { CompanyApplication, UtilityProfile } from '@/db/schema';
import { formatDate } from '@/lib/format/dates';
import { CONTENT, FONT_BOLD, FONT_REGULAR, INK, labelValue, MARGIN, MUTED, startPdf } from '@/lib/pdf/document';
import { RELIABILITY_LABEL } from './checklist';

export function offerFileName(number: number): string {
  return `oferta-dogovora-${number}.pdf`;
}

export async function renderOfferPdf(
  application: CompanyApplication,
  utility: UtilityProfile,
  offer: { contractNumber: string; note?: string | null; at: Date },
): Promise<Buffer> {
  const { doc, done } = startPdf({
    title: `Оферта договора энергоснабжения № ${offer.contractNumber}`,
    author: utility.fullName,
    subject: `Заявка № ${application.number}: ${application.objectAddress}`,
    createdAt: offer.at,
  });
  doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED).text(utility.fullName, MARGIN, MARGIN, { width: CONTENT });
  doc
    .font(FONT_BOLD)
    .fontSize(16)
    .fillColor(INK)
    .text(`Договор энергоснабжения № ${offer.contractNumber}`, { width: CONTENT });
  doc
    .font(FONT_REGULAR)
    .fontSize(11)
    .text(`Оферта от ${formatDate(offer.at)} по заявке № ${application.number}`, { width: CONTENT });
  let y = doc.y + 12;
  const half = (CONTENT - 20) / 2;
  let ly = labelValue(doc, MARGIN, y, half, 'Гарантирующий поставщик', utility.fullName);
  ly = labelValue(doc, MARGIN, ly, half, 'ИНН / КПП', `${utility.inn} / ${utility.kpp}`);
  ly = labelValue(doc, MARGIN, ly, half, 'ОГРН', utility.ogrn);
  ly = labelValue(doc, MARGIN, ly, half, 'Адрес', utility.legalAddress);
  ly = labelValue(
    doc,
    MARGIN,
    ly,
    half,
    'Банковские реквизиты',
    `р/с ${utility.settlementAccount}, ${utility.bankName}, БИК ${utility.bik}, к/с ${utility.correspondentAccount}`,
  );
  let ry = labelValue(doc, MARGIN + half + 20, y, half, 'Потребитель', application.companyName);
  ry = labelValue(
    doc,
    MARGIN + half + 20,
    ry,
    half,
    'ИНН / КПП',
    `${application.inn}${application.kpp ? ` / ${application.kpp}` : ''}`,
  );
  if (application.ogrn) ry = labelValue(doc, MARGIN + half + 20, ry, half, 'ОГРН', application.ogrn);
  ry = labelValue(
    doc,
    MARGIN + half + 20,
    ry,
    half,
    'Контактное лицо',
    `${application.contactName}, ${application.phone}, ${application.email}`,
  );
  y = Math.max(ly, ry) + 10;

  const power = application.maxPowerKw.replace('.', ',');
  const category = application.reliabilityCategory as 1 | 2 | 3;
  const terms = [
    `1. Гарантирующий поставщик продаёт электрическую энергию (мощность) и обеспечивает её передачу до точки поставки, а Потребитель оплачивает её в порядке и сроки договора.`,
    `2. Точка поставки: ${application.objectAddress}. Максимальная мощность — ${power} кВт. ${RELIABILITY_LABEL[category]}.`,
    '3. Объём потребления определяется по показаниям приборов учёта, которые Потребитель передаёт через личный кабинет юридического лица ежемесячно в установленный период приёма показаний.',
    '4. Оплата: промежуточные платежи до 10-го и 25-го числа расчётного месяца, окончательный расчёт до 18-го числа следующего месяца, по счетам, размещённым в личном кабинете. В назначении платежа указывается номер счёта.',
    '5. Цена электрической энергии определяется по тарифам и нерегулируемым ценам, действующим в расчётном периоде; НДС начисляется по ставке, установленной Налоговым кодексом РФ.',
    '6. Договор вступает в силу с даты подписания обеими сторонами и действует до 31 декабря текущего года с ежегодной пролонгацией, если ни одна из сторон не заявит о его прекращении за 30 дней.',
  ];
  if (offer.note) terms.push(`7. Особые условия: ${offer.note}`);
  doc.font(FONT_REGULAR).fontSize(10).fillColor(INK).text(terms.join('\n\n'), MARGIN, y, { width: CONTENT });
  doc.moveDown(1);
  doc
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(
      'Чтобы принять оферту, подпишите договор и передайте его куратору договора лично, почтой или по ЭДО. Договор считается заключённым с даты получения подписанного экземпляра.',
      { width: CONTENT },
    );
  const signY = doc.y + 30;
  doc.fillColor(INK).fontSize(10);
  doc.text('Гарантирующий поставщик ______________', MARGIN, signY, { width: half });
  doc.text('Потребитель ______________', MARGIN + half + 20, signY, { width: half });
  doc.end();
  return done;
}
