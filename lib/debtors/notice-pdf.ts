// The debt notice letter (ПП РФ № 354, п. 119), A4 on the shared document: who owes, how much and
// for which periods, the day to pay by (20 days from delivery) and what follows if the debt stays.
// A `reminder` (the debt is within two months of normative charges, п. 118) threatens nothing.
import 'server-only';
import { formatDate, formatPeriod } from '@/lib/format/dates';
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
import type { UtilityProfile } from '@/db/schema';
import type { Debtor } from './debtors';
import type { DebtNoticeKind } from '@/db/enums';

export interface NoticeLetter {
  kind: DebtNoticeKind;
  debtor: Debtor;
  deliveredOn: string;
  payBy: string;
  thresholdKopecks: number;
  utility: Pick<UtilityProfile, 'fullName' | 'inn' | 'legalAddress' | 'mainPhone' | 'website'>;
}

export function noticeFileName(accountNumber: string, deliveredOn: string): string {
  return `uvedomlenie-o-zadolzhennosti-${accountNumber}-${deliveredOn}.pdf`;
}

const columns: Column[] = [
  { title: 'Расчётный период', width: 200, align: 'left' },
  { title: 'Срок оплаты', width: 140, align: 'left' },
  { title: 'Задолженность', width: CONTENT - 340, align: 'right' },
];

function noticeTitle(kind: NoticeLetter['kind']): string {
  return kind === 'warning'
    ? 'Предупреждение (уведомление) о задолженности и возможном ограничении подачи электроэнергии'
    : 'Напоминание о задолженности за электроэнергию';
}

export async function renderNoticePdf(letter: NoticeLetter, now = new Date()): Promise<Buffer> {
  const { debtor, utility } = letter;
  const { doc, done } = startPdf({
    title: noticeTitle(letter.kind),
    author: utility.fullName,
    subject: `Лицевой счёт ${debtor.number}`,
    createdAt: now,
  });
  doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED).text(utility.fullName, MARGIN, MARGIN, { width: CONTENT });
  doc.text(`ИНН ${utility.inn} · ${utility.legalAddress} · тел. ${utility.mainPhone}`, { width: CONTENT });
  let y = doc.y + 12;
  const half = (CONTENT - 20) / 2;
  let ry = labelValue(doc, MARGIN + half + 20, y, half, 'Кому', debtor.holderName);
  ry = labelValue(doc, MARGIN + half + 20, ry, half, 'Адрес', debtor.address);
  ry = labelValue(doc, MARGIN + half + 20, ry, half, 'Лицевой счёт', debtor.number);
  const ly = labelValue(doc, MARGIN, y, half, 'Дата направления', formatDate(letter.deliveredOn));
  y = Math.max(ly, ry) + 12;
  doc.font(FONT_BOLD).fontSize(14).fillColor(INK).text(noticeTitle(letter.kind), MARGIN, y, { width: CONTENT });
  y = doc.y + 8;
  doc
    .font(FONT_REGULAR)
    .fontSize(10.5)
    .text(
      `Уважаемый абонент! По лицевому счёту ${debtor.number} не оплачена в срок электроэнергия. ` +
        `Просроченная задолженность на ${formatDate(letter.deliveredOn)} составляет ${formatRub(debtor.overdueKopecks)}:`,
      MARGIN,
      y,
      { width: CONTENT },
    );
  y = drawHeaderRow(doc, columns, doc.y + 8);
  for (const p of debtor.periods) {
    y = drawRowWithRoom(doc, columns, y, [formatPeriod(p.period), formatDate(p.dueDate), formatRub(p.owedKopecks)]);
  }
  if (debtor.otherOverdueKopecks > 0) {
    y = drawRowWithRoom(doc, columns, y, ['Прочие начисления', '—', formatRub(debtor.otherOverdueKopecks)]);
  }
  y = drawRowWithRoom(doc, columns, y, ['Итого', null, formatRub(debtor.overdueKopecks)], { bold: true });
  y = ensureRoom(doc, y + 10, 200);
  const paragraphs =
    letter.kind === 'warning'
      ? [
          `Задолженность превышает сумму двух месячных размеров платы за электроснабжение, исчисленных исходя из норматива потребления (${formatRub(letter.thresholdKopecks)}), — п. 117 и 118 Правил предоставления коммунальных услуг (постановление Правительства РФ от 06.05.2011 №\u00a0354).`,
          `Предлагаем погасить задолженность в течение 20 дней со дня доставки настоящего предупреждения, то есть не позднее ${formatDate(letter.payBy)}.`,
          'Если задолженность не будет погашена в этот срок, подача электроэнергии может быть ограничена, а при отсутствии технической возможности ограничения или при непогашении долга после ограничения — приостановлена (п. 119 Правил). Расходы на введение ограничения, приостановление и возобновление подачи возмещает потребитель (п. 122 Правил).',
          'Подача электроэнергии возобновляется после полного погашения задолженности или заключения соглашения о порядке её погашения (п. 120 Правил).',
        ]
      : [
          `Предлагаем погасить задолженность не позднее ${formatDate(letter.payBy)}.`,
          `Сейчас задолженность не превышает двух месячных размеров платы, исчисленных исходя из норматива потребления (${formatRub(letter.thresholdKopecks)}), поэтому настоящее письмо не является предупреждением об ограничении подачи электроэнергии по п. 119 Правил предоставления коммунальных услуг (постановление Правительства РФ №\u00a0354).`,
        ];
  paragraphs.push(
    `За просрочку оплаты начисляются пени (ч. 14 ст. 155 Жилищного кодекса РФ)${debtor.penaltiesKopecks > 0 ? `; начислено на сегодня: ${formatRub(debtor.penaltiesKopecks)}` : ''}.`,
    `Оплатить можно в личном кабинете${utility.website ? ` (${utility.website})` : ''}, по квитанции в банке или в кассе. Если вы уже оплатили, не обращайте внимания на это уведомление. Вопросы — по телефону ${utility.mainPhone}.`,
  );
  doc.font(FONT_REGULAR).fontSize(10.5).fillColor(INK).text(paragraphs.join('\n\n'), MARGIN, y, { width: CONTENT });
  y = ensureRoom(doc, doc.y + 24, 40);
  doc.text(`${utility.fullName}`, MARGIN, y, { width: CONTENT });
  doc.end();
  return done;
}
