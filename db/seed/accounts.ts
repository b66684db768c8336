import type { Tx } from '../client';
import {
  accountUsers,
  accounts,
  billLines,
  bills,
  companies,
  consumptionVolumes,
  ledgerEntries,
  meters,
  payments,
  readings,
  users,
  type Tariff,
} from '../schema';
import { priceVolume, ratesInForce } from '../../lib/tariffs/pricing';
import { zonesForPlan, zoneShortLabels, type TariffCategory, type TariffZone } from '../../lib/tariffs/zones';

interface MeterSpec { serial: string; model: string; plan: 1 | 2 | 3; monthlyKwh: number; verificationDue: string }
interface AccountSpec {
  number: string; holder: string; settlement: string; street: string; house: string; flat?: string;
  category: TariffCategory; residents: number; meters: MeterSpec[];
  user?: { email: string; fullName: string; phone: string };
  company?: boolean;
  /** The last N billed months have no reading: estimated by the average (ПП 354 п. 59). */
  estimatedLast?: number;
  /** The last N bills are not paid. */
  unpaidLast?: number;
  submittedCurrent?: boolean;
}

const households: AccountSpec[] = [
  { number: '50010001', holder: 'Иванова Мария Петровна', settlement: 'г. Истра', street: 'ул. Советская', house: '12', flat: '34', category: 'urban', residents: 2,
    user: { email: 'ivanova@example.com', fullName: 'Иванова Мария Петровна', phone: '+79161234501' },
    meters: [{ serial: '01234567', model: 'Меркурий 201.5', plan: 1, monthlyKwh: 220, verificationDue: '2031-04-01' }] },
  { number: '50010002', holder: 'Петров Алексей Сергеевич', settlement: 'д. Лешково', street: 'ул. Лесная', house: '7', category: 'rural_or_stove', residents: 3,
    user: { email: 'petrov@example.com', fullName: 'Петров Алексей Сергеевич', phone: '+79161234502' }, estimatedLast: 2, unpaidLast: 2,
    meters: [{ serial: '11223344', model: 'Энергомера СЕ102', plan: 2, monthlyKwh: 480, verificationDue: '2027-01-15' }] },
  { number: '50010003', holder: 'Сидорова Ольга Николаевна', settlement: 'г. Истра', street: 'ул. Первомайская', house: '40', category: 'urban', residents: 4,
    user: { email: 'sidorova@example.com', fullName: 'Сидорова Ольга Николаевна', phone: '+79161234503' }, unpaidLast: 1, submittedCurrent: true,
    meters: [
      { serial: '22334455', model: 'Меркурий 201.5', plan: 1, monthlyKwh: 150, verificationDue: '2030-09-01' },
      { serial: '33445566', model: 'Меркурий 231 AT-01', plan: 3, monthlyKwh: 420, verificationDue: '2032-02-01' },
    ] },
  { number: '50010004', holder: 'Кузнецов Дмитрий Андреевич', settlement: 'г. Истра', street: 'ул. Ленина', house: '5', flat: '7', category: 'urban', residents: 1,
    meters: [{ serial: '44556677', model: 'Меркурий 201.5', plan: 1, monthlyKwh: 180, verificationDue: '2029-06-01' }] },
];

const companyAccounts: AccountSpec[] = [
  { number: '70020001', holder: 'ООО «Истра-Агро»', settlement: 'д. Лечищево', street: 'ул. Центральная', house: '1', category: 'urban', residents: 0, company: true,
    meters: [{ serial: '55667788', model: 'Меркурий 234', plan: 3, monthlyKwh: 2400, verificationDue: '2030-01-01' }] },
  { number: '70020002', holder: 'ООО «Истра-Агро»', settlement: 'д. Лечищево', street: 'ул. Полевая', house: '2', category: 'urban', residents: 0, company: true,
    meters: [{ serial: '66778899', model: 'Меркурий 230', plan: 1, monthlyKwh: 900, verificationDue: '2030-01-01' }] },
  { number: '70020003', holder: 'ООО «Истра-Агро»', settlement: 'г. Истра', street: 'ул. Босова', house: '15', category: 'urban', residents: 0, company: true,
    meters: [{ serial: '77889900', model: 'Меркурий 230', plan: 1, monthlyKwh: 600, verificationDue: '2030-01-01' }] },
];

/** Deterministic pseudo-random numbers, so every run writes the same demo data. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const zoneShare: Record<TariffZone, number> = { all_day: 1, day: 0.68, night: 0.32, peak: 0.25, half_peak: 0.42 };
const threeZoneNight = 0.33;

function addMonths(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

function dayOf(period: string, day: number, hourUtc = 9): Date {
  return new Date(`${period.slice(0, 8)}${String(day).padStart(2, '0')}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
}

const rub = (k: number) => (k / 100).toFixed(2).replace('.', ',');

export async function seedAccounts(tx: Tx, opts: { passwordHash: string; currentPeriod: string; tariffRows: Tariff[] }) {
  const { passwordHash, currentPeriod, tariffRows } = opts;
  const billed = Array.from({ length: 12 }, (_, i) => addMonths(currentPeriod, i - 12));
  const initialPeriod = addMonths(currentPeriod, -13);
  const random = mulberry32(20261125);

  const [company] = await tx
    .insert(companies)
    .values({ name: 'ООО «Истра-Агро»', inn: '5017123456', kpp: '501701001', ogrn: '1155017000123', legalAddress: '143500, Московская область, г. Истра, ул. Босова, д. 15' })
    .returning();
  const now = new Date();
  const insertedUsers = await tx
    .insert(users)
    .values([
      ...households.filter((h) => h.user).map((h) => ({
        email: h.user!.email, fullName: h.user!.fullName, phone: h.user!.phone, passwordHash, role: 'subscriber' as const, status: 'active' as const,
        emailConfirmedAt: now, consentVersion: '2026-11', consentAt: now, registrationAddress: `${h.settlement}, ${h.street}, д. ${h.house}${h.flat ? `, кв. ${h.flat}` : ''}`,
      })),
      { email: 'company@example.com', fullName: 'Орлов Виктор Павлович', phone: '+79161234510', passwordHash, role: 'company_user' as const, status: 'active' as const, companyId: company!.id, emailConfirmedAt: now },
      { email: 'operator@example.com', fullName: 'Смирнова Елена Андреевна', passwordHash, role: 'staff' as const, status: 'active' as const, emailConfirmedAt: now },
    ])
    .returning();
  const userByEmail = new Map(insertedUsers.map((u) => [u.email, u]));

  const specs = [...households, ...companyAccounts];
  const insertedAccounts = await tx
    .insert(accounts)
    .values(specs.map((s, i) => ({
      number: s.number, kind: s.company ? ('company' as const) : ('household' as const), holderName: s.holder, companyId: s.company ? company!.id : null,
      settlement: s.settlement, street: s.street, house: s.house, flat: s.flat ?? null, postcode: '143500', tariffCategory: s.category,
      residents: s.residents, contractNumber: `${s.company ? 'ЮЛ' : 'ФЛ'}-${s.number}`, contractStart: s.company ? '2019-01-01' : `201${i % 10}-03-01`,
      contractEnd: s.company ? '2027-12-31' : null, phone: s.user?.phone ?? null,
    })))
    .returning();
  const accountByNumber = new Map(insertedAccounts.map((a) => [a.number, a]));

  await tx.insert(accountUsers).values(
    households.filter((h) => h.user).map((h) => ({ accountId: accountByNumber.get(h.number)!.id, userId: userByEmail.get(h.user!.email)!.id, isOwner: true })),
  );

  const meterRows = await tx
    .insert(meters)
    .values(specs.flatMap((s) => s.meters.map((m) => ({
      accountId: accountByNumber.get(s.number)!.id, serialNumber: m.serial, model: m.model, zonePlan: m.plan, status: 'active' as const,
      installedAt: addMonths(initialPeriod, -24), verificationDue: m.verificationDue,
    }))))
    .returning();

  const readingRows: (typeof readings.$inferInsert)[] = [];
  const volumeRows: (typeof consumptionVolumes.$inferInsert)[] = [];
  /** Billed kWh per account, period, meter and zone. */
  const billedVolumes = new Map<string, { meterId: string; zone: TariffZone; kwh: number; method: 'reading' | 'average' }[]>();

  for (const spec of specs) {
    const account = accountByNumber.get(spec.number)!;
    for (const m of spec.meters) {
      const meter = meterRows.find((r) => r.accountId === account.id && r.serialNumber === m.serial)!;
      const zones = zonesForPlan(m.plan);
      const register = new Map<TariffZone, number>(zones.map((z) => [z, Math.round(5000 + random() * 20000)]));
      const history = new Map<TariffZone, number[]>(zones.map((z) => [z, []]));
      for (const z of zones) readingRows.push({ meterId: meter.id, period: initialPeriod, zone: z, value: register.get(z)!, source: 'initial', submittedAt: dayOf(initialPeriod, 20) });

      const periods = spec.submittedCurrent ? [...billed, currentPeriod] : billed;
      periods.forEach((period, index) => {
        const month = Number(period.slice(5, 7));
        const season = 1 + 0.35 * Math.cos(((month - 1) / 12) * 2 * Math.PI);
        const total = Math.round(m.monthlyKwh * season * (0.9 + random() * 0.2));
        const estimated = spec.estimatedLast !== undefined && index >= billed.length - spec.estimatedLast && period !== currentPeriod;
        for (const z of zones) {
          const share = m.plan === 3 && z === 'night' ? threeZoneNight : zoneShare[z];
          let kwh = Math.round(total * share);
          if (estimated) {
            const past = history.get(z)!;
            kwh = Math.round(past.reduce((a, b) => a + b, 0) / past.length);
          } else {
            register.set(z, register.get(z)! + kwh);
            history.get(z)!.push(kwh);
            readingRows.push({ meterId: meter.id, period, zone: z, value: register.get(z)!, source: 'subscriber', submittedAt: dayOf(period, 20) });
          }
          if (period === currentPeriod) continue;
          const method = estimated ? ('average' as const) : ('reading' as const);
          volumeRows.push({ meterId: meter.id, period, zone: z, kwh, method });
          const key = `${account.id}|${period}`;
          billedVolumes.set(key, [...(billedVolumes.get(key) ?? []), { meterId: meter.id, zone: z, kwh, method }]);
        }
      });
    }
  }
  await tx.insert(readings).values(readingRows);
  await tx.insert(consumptionVolumes).values(volumeRows);

  const billInputs = specs.flatMap((spec) => {
    const account = accountByNumber.get(spec.number)!;
    return billed.map((period) => {
      const lines = (billedVolumes.get(`${account.id}|${period}`) ?? []).flatMap((v) => {
        const meter = meterRows.find((r) => r.id === v.meterId)!;
        const rates = ratesInForce(tariffRows, { category: spec.category, zonePlan: meter.zonePlan, zone: v.zone, day: period });
        return priceVolume(v.kwh, rates).map((part) => ({
          kind: 'consumption' as const, meterId: v.meterId, zone: v.zone, method: v.method, forPeriod: period, kwh: part.kwh,
          tariffId: part.tariffId, priceKopecks: part.priceKopecks, amountKopecks: part.amountKopecks,
          description: `Электроэнергия, ${zoneShortLabels[v.zone].toLowerCase()}${v.method === 'average' ? ' (расчётный объём)' : ''}: ${part.kwh} кВт·ч × ${rub(part.priceKopecks)} ₽`,
        }));
      });
      return { spec, account, period, lines, amount: lines.reduce((s, l) => s + l.amountKopecks, 0) };
    });
  });
  const billRows = await tx
    .insert(bills)
    .values(billInputs.map((b) => ({
      accountId: b.account.id, period: b.period, receiptNumber: `R-${b.period.slice(0, 7).replace('-', '')}-${b.account.number}`,
      amountKopecks: b.amount, dueDate: `${addMonths(b.period, 1).slice(0, 8)}10`, issuedAt: dayOf(addMonths(b.period, 1), 1, 6),
    })))
    .returning();
  const billFor = (accountId: string, period: string) => billRows.find((b) => b.accountId === accountId && b.period === period)!;
  await tx.insert(billLines).values(billInputs.flatMap((b) => b.lines.map((l) => ({ ...l, billId: billFor(b.account.id, b.period).id }))));

  const paid = billInputs.filter((b) => billed.indexOf(b.period) < billed.length - (b.spec.unpaidLast ?? 0));
  const paymentRows = await tx
    .insert(payments)
    .values(paid.map((b, i) => ({
      accountId: b.account.id, userId: b.spec.user ? userByEmail.get(b.spec.user.email)!.id : null, billId: billFor(b.account.id, b.period).id,
      amountKopecks: b.amount, status: 'paid' as const, gateway: 'sandbox', description: `Оплата электроэнергии, лицевой счёт ${b.account.number}`,
      gatewayReference: `seed-${b.account.number}-${b.period.slice(0, 7).replace('-', '')}`, cardMask: `220220******${String(1000 + (i % 9000)).slice(-4)}`,
      paymentMethod: 'BankCard', paidAt: dayOf(addMonths(b.period, 1), 5 + (i % 5), 12),
    })))
    .returning();

  await tx.insert(ledgerEntries).values([
    ...billRows.map((b) => ({ accountId: b.accountId, kind: 'charge' as const, amountKopecks: b.amountKopecks, billId: b.id, description: `Начисление за ${b.period.slice(0, 7)}, квитанция ${b.receiptNumber}`, postedAt: b.issuedAt })),
    ...paymentRows.map((p) => ({ accountId: p.accountId, kind: 'payment' as const, amountKopecks: -p.amountKopecks, paymentId: p.id, description: `Оплата картой, счёт № ${p.invId}`, postedAt: p.paidAt! })),
  ]);

  return { accounts: insertedAccounts.length, users: insertedUsers.length, meters: meterRows.length, readings: readingRows.length, bills: billRows.length, payments: paymentRows.length };
}
