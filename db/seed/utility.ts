// The utility itself: its profile (one row) and the contacts page.
import type { Tx } from '../client';
import { contacts, utilityProfile } from '../schema';

/**
 * Inserts the utility profile unless it exists, and says whether it did. This row is the
 * seed's marker: it is written first in the seed's transaction, so a concurrent seed blocks
 * on its primary key until ours commits, then finds it and writes nothing.
 *
 * DEMO VALUES: the legal address, INN/KPP/OGRN and the bank details below are invented (in
 * valid formats, with valid check digits), not the utility's real requisites. The name, phones,
 * e-mail and website are those of the source text.
 */
export async function claimUtilityProfile(tx: Tx): Promise<boolean> {
  const inserted = await tx
    .insert(utilityProfile)
    .values({
      id: 1,
      fullName: 'МУП «Объединение Истринские электросети»',
      shortName: 'Истринские электросети',
      inn: '5017012349',
      kpp: '501701001',
      ogrn: '1025001801230',
      legalAddress: '143500, Московская область, г.о. Истра, г. Истра, ул. Первомайская, д. 1',
      email: 'elset@list.ru',
      website: 'istraseti.ru',
      mainPhone: '8-498-314-10-05',
      emergencyPhone: '8-995-00-99',
      workingHours: 'Пн–Чт 8:00–17:00, Пт 8:00–16:00, обед 12:00–12:45; аварийная служба — круглосуточно',
      bankName: 'ПАО Сбербанк',
      bik: '044525225',
      correspondentAccount: '30101810400000000225',
      settlementAccount: '40702810640000012345',
      readingWindowStartDay: 15,
      readingWindowEndDay: 25,
      paymentDueDay: 10,
    })
    .onConflictDoNothing()
    .returning({ id: utilityProfile.id });
  return inserted.length > 0;
}

export async function seedContacts(tx: Tx): Promise<void> {
  await tx.insert(contacts).values([
    {
      department: 'Аварийно-диспетчерская служба',
      phone: '8-995-00-99',
      hours: 'Круглосуточно',
      note: 'Аварии и отключения электроэнергии',
      sortOrder: 10,
    },
    {
      department: 'Отдел по работе с физическими лицами',
      phone: '8-994-52-19',
      hours: 'Пн–Чт 8:00–17:00, Пт 8:00–16:00',
      note: 'Показания, начисления и оплата, регистрация в личном кабинете',
      sortOrder: 20,
    },
    {
      department: 'Отдел по работе с юридическими лицами',
      phone: '8-994-51-55',
      hours: 'Пн–Чт 8:00–17:00, Пт 8:00–16:00',
      note: 'Договоры энергоснабжения, счета и акты организаций',
      sortOrder: 30,
    },
    {
      department: 'Приёмная',
      phone: '8-498-314-10-05',
      hours: 'Пн–Чт 8:00–17:00, Пт 8:00–16:00, обед 12:00–12:45',
      sortOrder: 40,
    },
    {
      department: 'Приём показаний и обращений по электронной почте',
      email: 'elset@list.ru',
      note: 'Показания счётчиков, вопросы по начислениям и работе личного кабинета',
      sortOrder: 50,
    },
    {
      department: 'Отдел платных услуг и технологического присоединения',
      phone: '8-498-314-10-05',
      hours: 'Пн–Пт 9:00–16:00',
      note: 'Электромонтажные работы, приборы учёта, восстановление электрощитов, технологическое присоединение',
      sortOrder: 60,
    },
  ]);
}
