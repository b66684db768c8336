import type { Tx } from '../client';
import { contacts, utilityProfile } from '../schema';

// Address, INN/KPP/OGRN and bank details are demo values in valid formats, not the real ones.
export async function seedUtility(tx: Tx): Promise<void> {
  await tx.insert(utilityProfile).values({
    id: 1,
    fullName: 'МУП «Объединение Истринские электросети»',
    shortName: 'Истринские электросети',
    inn: '5017000000',
    kpp: '501701001',
    ogrn: '1025001800000',
    legalAddress: '143500, Московская область, г. Истра, ул. Первомайская, д. 1',
    email: 'elset@list.ru',
    website: 'istraseti.ru',
    mainPhone: '8-498-314-10-05',
    emergencyPhone: '8-995-00-99',
    workingHours: 'Пн–Чт 8:00–17:00, Пт 8:00–16:00, обед 12:00–12:45',
    bankName: 'ПАО Сбербанк',
    bik: '044525225',
    correspondentAccount: '30101810400000000225',
    settlementAccount: '40702810040000000001',
    readingWindowStartDay: 15,
    readingWindowEndDay: 25,
    paymentDueDay: 10,
  });
  await tx.insert(contacts).values([
    { department: 'Аварийно-диспетчерская служба', phone: '8-995-00-99', hours: 'Круглосуточно', sortOrder: 1 },
    { department: 'Отдел по работе с физическими лицами', phone: '8-994-52-19', email: 'elset@list.ru', hours: 'Пн–Пт 8:00–17:00', note: 'Показания, расчёты, регистрация в личном кабинете', sortOrder: 2 },
    { department: 'Отдел по работе с юридическими лицами', phone: '8-994-51-55', hours: 'Пн–Пт 8:00–17:00', note: 'Договоры энергоснабжения, счета организаций', sortOrder: 3 },
    { department: 'Приёмная', phone: '8-498-314-10-05', email: 'elset@list.ru', hours: 'Пн–Пт 8:00–17:00', sortOrder: 4 },
    { department: 'Платные услуги и технологическое присоединение', phone: '8-498-314-10-05', note: 'Электромонтажные работы, приборы учёта', sortOrder: 5 },
  ]);
}
