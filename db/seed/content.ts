import type { Tx } from '../client';
import { documents, news, outages, serviceCatalog } from '../schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 09:00 Moscow (06:00 UTC) on the day `days` after `now`. */
function moscowMorning(now: Date, days: number): Date {
  const d = new Date(now.getTime() + days * DAY);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 6, 0));
}

export async function seedContent(tx: Tx, now: Date): Promise<void> {
  await tx.insert(news).values([
    {
      slug: 'tarify-s-1-oktyabrya-2026',
      title: 'Тарифы на электроэнергию с 1 октября 2026 года',
      summary: 'С 1 октября 2026 года действуют новые тарифы для населения Московской области.',
      body: 'С 1 октября 2026 года в Московской области проиндексированы тарифы на электроэнергию для населения. Одноставочный тариф для городского населения составляет 9,79 ₽ за кВт·ч.\n\nСчета за октябрь и последующие месяцы рассчитываются по новым тарифам. Счёт за сентябрь рассчитан по тарифу, действовавшему в сентябре.\n\nПолная таблица тарифов по зонам суток и категориям — в разделе «Тарифы».',
      publishedAt: new Date('2026-09-22T09:00:00Z'),
    },
    {
      slug: 'peredavajte-pokazaniya-s-15-po-25',
      title: 'Передавайте показания с 15 по 25 число',
      summary: 'Показания, переданные вовремя, избавляют от расчётного начисления.',
      body: 'Показания приборов учёта принимаются ежемесячно с 15 по 25 число в личном кабинете. Передавайте целые значения без дробной части.\n\nЕсли показания не переданы, объём рассчитывается по среднемесячному потреблению, а после трёх месяцев — по нормативу. Обычно это дороже.',
      publishedAt: new Date('2026-11-14T07:00:00Z'),
    },
    {
      slug: 'podgotovka-k-zime-2026',
      title: 'Сети готовы к зиме: итоги ремонтной кампании',
      summary: 'Заменено 12 км провода на самонесущий изолированный и 140 опор.',
      body: 'В ходе летней ремонтной кампании специалисты заменили 12 км голого провода на самонесущий изолированный провод и 140 деревянных опор на железобетонные.\n\nПлановые отключения на время работ публикуются в разделе «Отключения» не позднее чем за три дня.',
      publishedAt: new Date('2026-10-15T08:00:00Z'),
    },
    {
      slug: 'oplata-kartoj-i-privyazka',
      title: 'Оплата картой и привязка карты в личном кабинете',
      summary: 'Оплачивать электроэнергию можно картой, без комиссии, с подтверждением 3-D Secure.',
      body: 'В разделе «Платежи» личного кабинета укажите сумму и нажмите «Оплатить». Оплата проходит на защищённой странице платёжного сервиса; данные карты не передаются нам.\n\nЗарегистрированные пользователи могут привязать карту. Привязка удаляется автоматически при восстановлении пароля, а также в любой момент по вашему желанию.',
      publishedAt: new Date('2026-08-03T08:00:00Z'),
    },
    {
      slug: 'elektromontazhnye-raboty',
      title: 'Электромонтажные работы по заявке из личного кабинета',
      summary: 'Монтаж проводки, восстановление электрощитов и замена счётчиков — заявкой онлайн.',
      body: 'Заявку на платные услуги можно подать в личном кабинете: выберите услугу, укажите адрес и удобную дату.\n\nСтоимость работ указана в разделе «Платные услуги».',
      publishedAt: new Date('2026-06-10T08:00:00Z'),
    },
  ]);

  await tx.insert(outages).values([
    {
      kind: 'planned',
      settlement: 'г. Истра',
      streets: 'ул. Советская, д. 1–25; ул. Ленина, д. 2–18',
      reason: 'замена опор ВЛ-0,4 кВ',
      startsAt: moscowMorning(now, 2),
      endsAt: new Date(moscowMorning(now, 2).getTime() + 6 * HOUR),
    },
    {
      kind: 'planned',
      settlement: 'д. Лешково',
      streets: 'ул. Лесная, ул. Дачная',
      reason: 'ремонт трансформаторной подстанции ТП-112',
      startsAt: moscowMorning(now, 7),
      endsAt: new Date(moscowMorning(now, 7).getTime() + 4 * HOUR),
    },
    {
      kind: 'emergency',
      settlement: 'д. Лечищево',
      streets: 'ул. Центральная, ул. Полевая',
      reason: 'повреждение кабельной линии 10 кВ',
      startsAt: new Date(now.getTime() - HOUR),
      endsAt: new Date(now.getTime() + 3 * HOUR),
    },
    {
      kind: 'planned',
      settlement: 'г. Истра',
      streets: 'ул. Босова, д. 3–11',
      reason: 'плановый ремонт РУ-0,4 кВ',
      startsAt: moscowMorning(now, -1),
      endsAt: new Date(moscowMorning(now, -1).getTime() + 5 * HOUR),
    },
  ]);

  await tx.insert(documents).values([
    { slug: 'pp-rf-354', category: 'normative', title: 'Постановление Правительства РФ № 354', summary: 'Правила предоставления коммунальных услуг собственникам и пользователям помещений.', externalUrl: 'https://www.consultant.ru/document/cons_doc_LAW_114247/', sortOrder: 1 },
    { slug: 'pp-rf-442', category: 'normative', title: 'Постановление Правительства РФ № 442', summary: 'Основные положения функционирования розничных рынков электрической энергии.', externalUrl: 'https://www.consultant.ru/document/cons_doc_LAW_130498/', sortOrder: 2 },
    { slug: 'fz-152', category: 'normative', title: 'Федеральный закон № 152-ФЗ «О персональных данных»', summary: 'Как мы обращаемся с вашими персональными данными.', externalUrl: 'https://www.consultant.ru/document/cons_doc_LAW_61801/', sortOrder: 3 },
    { slug: 'publichnyj-dogovor', category: 'contracts', title: 'Публичный договор энергоснабжения (для граждан)', summary: 'Условия поставки электроэнергии бытовым потребителям.', body: '1. Гарантирующий поставщик обязуется подавать абоненту электрическую энергию, а абонент — оплачивать её.\n\n2. Абонент ежемесячно с 15 по 25 число передаёт показания прибора учёта.\n\n3. Оплата производится до 10 числа месяца, следующего за расчётным.', sortOrder: 1 },
    { slug: 'poryadok-peredachi-pokazanij', category: 'subscribers', title: 'Порядок передачи показаний', summary: 'Когда и как передавать показания приборов учёта.', body: 'Показания передаются с 15 по 25 число каждого месяца в личном кабинете, целыми числами без дробной части, по каждой зоне суток.\n\nПоказания, переданные после 25 числа, учитываются в следующем расчётном периоде.', sortOrder: 1 },
    { slug: 'poryadok-vozvrata', category: 'payments', title: 'Порядок возврата денежных средств', summary: 'Как вернуть ошибочно уплаченные картой деньги.', body: 'Возврат средств, уплаченных картой, производится на ту же карту в течение 10 рабочих дней после получения заявления.\n\nЗаявление можно подать в отделе по работе с физическими лицами или направить на elset@list.ru, указав номер лицевого счёта, дату и сумму платежа.\n\nЕсли оплата прошла по ошибке за чужой лицевой счёт, возврат производится после проверки платежа.', sortOrder: 1 },
    { slug: 'rekvizity-dlya-oplaty', category: 'payments', title: 'Реквизиты для оплаты', summary: 'Оплата через банк с указанием номера квитанции.', body: 'Получатель: МУП «Объединение Истринские электросети».\n\nВ назначении платежа укажите номер лицевого счёта и номер квитанции.', sortOrder: 2 },
    { slug: 'soglasie-na-obrabotku-pd', category: 'subscribers', title: 'Согласие на обработку персональных данных', summary: 'Текст согласия, версия 2026-11.', body: 'Регистрируясь в личном кабинете, я даю согласие МУП «Объединение Истринские электросети» на обработку моих персональных данных (ФИО, адрес, телефон, e-mail, номер лицевого счёта) в целях исполнения договора энергоснабжения.\n\nСогласие действует до его отзыва. Версия 2026-11.', sortOrder: 2 },
  ]);

  await tx.insert(serviceCatalog).values([
    { code: 'wiring-point', category: 'Электромонтажные работы', title: 'Монтаж электропроводки', description: 'Открытая или скрытая прокладка, за одну точку', unit: 'точка', priceKopecks: 120_000, sortOrder: 1 },
    { code: 'breaker-replace', category: 'Электромонтажные работы', title: 'Замена автоматического выключателя', unit: 'шт.', priceKopecks: 90_000, sortOrder: 2 },
    { code: 'socket-install', category: 'Электромонтажные работы', title: 'Установка розетки или выключателя', unit: 'шт.', priceKopecks: 60_000, sortOrder: 3 },
    { code: 'fault-search', category: 'Электромонтажные работы', title: 'Поиск неисправности в электросети', unit: 'выезд', priceKopecks: 250_000, priceIsFrom: true, sortOrder: 4 },
    { code: 'panel-restore', category: 'Восстановление электрощитов', title: 'Восстановление электрощита', description: 'Окончательная цена — после осмотра', unit: 'щит', priceKopecks: 450_000, priceIsFrom: true, sortOrder: 5 },
    { code: 'panel-assembly', category: 'Восстановление электрощитов', title: 'Сборка квартирного электрощита', unit: 'щит', priceKopecks: 800_000, priceIsFrom: true, sortOrder: 6 },
    { code: 'meter-replace-1', category: 'Приборы учёта', title: 'Замена однофазного прибора учёта', unit: 'шт.', priceKopecks: 150_000, sortOrder: 7 },
    { code: 'meter-replace-3', category: 'Приборы учёта', title: 'Замена трёхфазного прибора учёта', unit: 'шт.', priceKopecks: 280_000, sortOrder: 8 },
    { code: 'meter-seal', category: 'Приборы учёта', title: 'Опломбировка прибора учёта', unit: 'шт.', priceKopecks: 50_000, sortOrder: 9 },
    { code: 'electrician-visit', category: 'Электромонтажные работы', title: 'Выезд электрика', unit: 'выезд', priceKopecks: 100_000, sortOrder: 10 },
    { code: 'tp-individual', category: 'Технологическое присоединение', title: 'Технологическое присоединение до 15 кВт', description: 'Для физических лиц, по заявке', unit: 'заявка', priceKopecks: 300_000, priceIsFrom: true, sortOrder: 11 },
  ]);
}
