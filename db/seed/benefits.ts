// Demo beneficiaries: a short list of benefit categories and two benefits on demo households, one
// ending within a month (the console highlights it). Balances and bills are not touched.
import { inArray } from 'drizzle-orm';
import type { Tx } from '../client';
import { accountBenefits, accounts, benefitCategories } from '../schema';
import { moscowDay } from '../../lib/format/dates';

const categories = [
  {
    code: 'VBD',
    name: 'Ветераны боевых действий',
    discount: 'Компенсация 50 % платы за электроэнергию в пределах норматива',
  },
  {
    code: 'INV',
    name: 'Инвалиды и семьи с детьми-инвалидами',
    discount: 'Компенсация 50 % платы в пределах норматива',
  },
  {
    code: 'MNOG',
    name: 'Многодетные семьи',
    discount: 'Компенсация 30 % платы в пределах норматива (региональная мера)',
  },
  {
    code: 'CHAES',
    name: 'Пострадавшие от радиации (ЧАЭС)',
    discount: 'Компенсация 50 % платы, в том числе сверх норматива',
  },
];

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function seedBenefits(tx: Tx, now: Date): Promise<void> {
  await tx.insert(benefitCategories).values(categories);
  const today = moscowDay(now);
  const rows = await tx
    .select({ id: accounts.id, number: accounts.number })
    .from(accounts)
    .where(inArray(accounts.number, ['50010001', '50010002']));
  const id = (number: string) => rows.find((r) => r.number === number)?.id;
  const ivanova = id('50010001');
  const petrov = id('50010002');
  if (ivanova) {
    await tx.insert(accountBenefits).values({
      accountId: ivanova,
      category: 'INV',
      basis: 'Справка МСЭ-2021 № 1234567 от 15.03.2021, бессрочно',
      validFrom: '2021-04-01',
    });
  }
  if (petrov) {
    await tx.insert(accountBenefits).values({
      accountId: petrov,
      category: 'MNOG',
      basis: 'Удостоверение многодетной семьи № 50-0481 от 10.01.2024',
      validFrom: addDays(today, -700),
      validTo: addDays(today, 20),
    });
  }
}
