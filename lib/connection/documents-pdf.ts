// The documents the grid places in the applicant's cabinet, as A4 PDFs on the shared document:
// the offer (типовой договор with the invoice), the technical conditions (ТУ) and the act of
// connection. They are rendered once, when posted, and stored, so what the applicant saw is kept
// with its hash (lib/connection/workflow.ts).
import 'server-only';
import type { ConnectionApplication, UtilityProfile } from '@/db/schema';
import { formatDate } from '@/lib/format/dates';
import { formatRub } from '@/lib/format/money';
import {
  CONTENT,
  ensureRoom,
  FONT_BOLD,
  FONT_REGULAR,
  INK,
  labelValue,
  MARGIN,
  MUTED,
  startPdf,
} from '@/lib/pdf/document';
import { formatKw, RATE_CATEGORY_LABEL, type RateCategory } from './calculator';
import { REASON_LABEL, VOLTAGE_LABEL } from './schemas';

interface Section {
  heading: string;
  lines: string[];
}

async function render(
  utility: UtilityProfile | undefined,
  info: { title: string; subtitle: string; at: Date },
  parties: [string, string][],
  sections: Section[],
): Promise<Buffer> {
  const utilityName = utility?.fullName ?? 'Сетевая организация';
  const { doc, done } = startPdf({
    title: info.title,
    author: utilityName,
    subject: info.subtitle,
    createdAt: info.at,
  });
  doc.font(FONT_REGULAR).fontSize(9).fillColor(MUTED).text(utilityName, MARGIN, MARGIN, { width: CONTENT });
  doc.font(FONT_BOLD).fontSize(15).fillColor(INK).text(info.title, { width: CONTENT });
  doc.font(FONT_REGULAR).fontSize(10.5).text(info.subtitle, { width: CONTENT });
  let y = doc.y + 10;
  const half = (CONTENT - 20) / 2;
  parties.forEach(([label, value], i) => {
    const x = i % 2 === 0 ? MARGIN : MARGIN + half + 20;
    const bottom = labelValue(doc, x, y, half, label, value);
    if (i % 2 === 1 || i === parties.length - 1) y = Math.max(bottom, doc.y) + 2;
  });
  for (const section of sections) {
    y = ensureRoom(doc, y + 8, 60);
    doc.font(FONT_BOLD).fontSize(11).fillColor(INK).text(section.heading, MARGIN, y, { width: CONTENT });
    doc
      .font(FONT_REGULAR)
      .fontSize(9.5)
      .text(section.lines.join('\n'), MARGIN, doc.y + 3, { width: CONTENT });
    y = doc.y;
  }
  doc.end();
  return done;
}

function partiesOf(a: ConnectionApplication, utility: UtilityProfile | undefined): [string, string][] {
  return [
    ['Сетевая организация', utility ? `${utility.fullName}, ИНН ${utility.inn}, ОГРН ${utility.ogrn}` : '—'],
    ['Заявитель', a.applicantName],
    ['Адрес сетевой организации', utility?.legalAddress ?? '—'],
    ['Адрес заявителя', a.applicantAddress],
  ];
}

function objectLines(a: ConnectionApplication): string[] {
  return [
    `Объект: ${a.objectName}, ${a.objectAddress}, кадастровый номер ${a.cadastralNumber}.`,
    `${REASON_LABEL[a.reason as keyof typeof REASON_LABEL]}. Максимальная мощность ${formatKw(a.maxPowerW)}` +
      (a.existingPowerW > 0 ? `, в том числе ранее присоединённая ${formatKw(a.existingPowerW)}` : '') +
      `; категория надёжности ${a.reliabilityCategory}; класс напряжения ${VOLTAGE_LABEL[a.voltage as keyof typeof VOLTAGE_LABEL]}.`,
    `Характер нагрузки: ${a.loadCharacter}.`,
  ];
}

/** The offer: the terms of the standard contract and the invoice; paying the invoice accepts it. */
export function renderOfferPdf(a: ConnectionApplication, utility: UtilityProfile | undefined, at: Date) {
  const price = a.priceKopecks ?? 0;
  return render(
    utility,
    {
      title: `Договор об осуществлении технологического присоединения № ТП-${a.number}`,
      subtitle: `Оферта от ${formatDate(at)}, счёт № ТП-${a.number} на ${formatRub(price)}`,
      at,
    },
    partiesOf(a, utility),
    [
      { heading: '1. Предмет договора', lines: objectLines(a) },
      {
        heading: '2. Плата за технологическое присоединение',
        lines: [
          `${RATE_CATEGORY_LABEL[a.rateCategory as RateCategory] ?? 'Ставка'}: ${formatRub(a.rateKopecksPerKw ?? 0)} за кВт.`,
          `Присоединяемая мощность: ${formatKw(a.maxPowerW - a.existingPowerW)}. Размер платы: ${formatRub(price)}.`,
          utility
            ? `Реквизиты: ${utility.fullName}, ИНН ${utility.inn}, КПП ${utility.kpp}, р/с ${utility.settlementAccount} в ${utility.bankName}, БИК ${utility.bik}, к/с ${utility.correspondentAccount}.`
            : '',
          `Назначение платежа: «Оплата по договору технологического присоединения № ТП-${a.number}».`,
        ].filter(Boolean),
      },
      {
        heading: '3. Заключение договора',
        lines: [
          'Условия настоящего типового договора и технические условия, размещённые в личном кабинете заявителя, признаются офертой, а оплата заявителем счёта — её акцептом (п. 105 Правил технологического присоединения, утв. ПП РФ от 27.12.2004 № 861). Подписание договора на бумаге не требуется.',
          `Счёт необходимо оплатить до ${a.payBy ? formatDate(a.payBy) : '—'} включительно (5 рабочих дней со дня размещения). Неоплаченная в срок заявка аннулируется.`,
        ],
      },
      {
        heading: '4. Сроки и обязанности сторон',
        lines: [
          'Сетевая организация выполняет мероприятия по технологическому присоединению до границ участка заявителя в срок не более 6 месяцев со дня заключения договора и размещает в личном кабинете акт о технологическом присоединении.',
          'Заявитель выполняет мероприятия, предусмотренные техническими условиями, в границах своего участка и уведомляет об этом сетевую организацию через личный кабинет.',
          'Сетевая организация не вправе требовать документы и сведения, не предусмотренные Правилами (п. 11).',
        ],
      },
    ],
  );
}

export function renderTuPdf(a: ConnectionApplication, utility: UtilityProfile | undefined, at: Date) {
  return render(
    utility,
    {
      title: `Технические условия № ТУ-${a.number}`,
      subtitle: `для присоединения к электрическим сетям, выданы ${formatDate(at)}, действуют ${a.tuValidYears ?? 2} года (лет)`,
      at,
    },
    partiesOf(a, utility),
    [
      { heading: '1. Объект и параметры присоединения', lines: objectLines(a) },
      { heading: '2. Точка присоединения', lines: [a.connectionPoint ?? '—'] },
      { heading: '3. Мероприятия сетевой организации', lines: [a.gridWorks ?? '—'] },
      { heading: '4. Мероприятия заявителя', lines: [a.applicantWorks ?? '—'] },
    ],
  );
}

export function renderActPdf(a: ConnectionApplication, utility: UtilityProfile | undefined, at: Date) {
  return render(
    utility,
    {
      title: `Акт об осуществлении технологического присоединения № АТП-${a.number}`,
      subtitle: `от ${formatDate(at)} по договору № ТП-${a.number}`,
      at,
    },
    partiesOf(a, utility),
    [
      { heading: '1. Присоединённый объект', lines: objectLines(a) },
      { heading: '2. Точка присоединения', lines: [a.connectionPoint ?? '—'] },
      {
        heading: '3. Итог',
        lines: [
          'Мероприятия по технологическому присоединению выполнены сторонами в соответствии с техническими условиями. Энергопринимающие устройства заявителя присоединены к электрическим сетям сетевой организации.',
          'Гарантирующий поставщик уведомлён о технологическом присоединении для заключения договора энергоснабжения.',
        ],
      },
    ],
  );
}
