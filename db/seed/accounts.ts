// The people and their money: a company, users, accounts, meters, a year of readings, and the bill
// history produced by the billing run itself (lib/billing/bill-chunk.ts: volumes, bills, lines,
// penalties and charges), period by period, with the payments in between. Readings come from a seeded
// generator, so reruns give the same numbers. Only periods whose reading window has closed are billed:
// the 12 months before the current one.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../client';
import {
  accountUsers,
  accounts,
  billingRuns,
  bills,
  companies,
  ledgerEntries,
  meters,
  payments,
  readings,
  users,
} from '../schema';
import { billChunk } from '../../lib/billing/bill-chunk';
import { formatPeriod } from '../../lib/format/dates';
import { zonesForPlan, type TariffCategory, type TariffZone } from '../../lib/tariffs/zones';
import { addMonths, compactPeriod, dayOf, monthOf, moscowDayPlus, moscowInstant, type SeedCalendar } from './calendar';
import { CONSENT_VERSION } from './content';
import { randomFor, type Random } from './random';

// ─── The cast ───────────────────────────────────────────────────────────────

type UserKey = 'operator' | 'admin' | 'ivanova' | 'petrov' | 'sidorova' | 'belova' | 'volkov' | 'orlova' | 'zaitsev';

interface UserSpec {
  key: UserKey;
  email: string;
  fullName: string;
  phone: string;
  role: 'subscriber' | 'company_user' | 'operator' | 'admin';
  /** A company user's role inside the company. */
  companyRole?: 'owner' | 'accountant' | 'engineer';
  status: 'active';
  registrationAddress?: string;
  /** How long ago the user registered. */
  daysAgo: number;
}

const userSpecs: UserSpec[] = [
  {
    key: 'operator',
    email: 'operator@example.com',
    fullName: 'Смирнова Елена Андреевна',
    phone: '+7 (498) 314-10-05',
    role: 'operator',
    status: 'active',
    daysAgo: 420,
  },
  {
    key: 'admin',
    email: 'admin@example.com',
    fullName: 'Орлов Виктор Павлович',
    phone: '+7 (498) 314-10-01',
    role: 'admin',
    status: 'active',
    daysAgo: 430,
  },
  {
    key: 'ivanova',
    email: 'ivanova@example.com',
    fullName: 'Иванова Мария Петровна',
    phone: '+7 (916) 245-18-73',
    role: 'subscriber',
    status: 'active',
    registrationAddress: 'г. Истра, ул. Советская, д. 12, кв. 34',
    daysAgo: 390,
  },
  {
    key: 'petrov',
    email: 'petrov@example.com',
    fullName: 'Петров Алексей Сергеевич',
    phone: '+7 (903) 517-62-40',
    role: 'subscriber',
    status: 'active',
    registrationAddress: 'д. Лешково, ул. Лесная, д. 7',
    daysAgo: 380,
  },
  {
    key: 'sidorova',
    email: 'sidorova@example.com',
    fullName: 'Сидорова Ольга Николаевна',
    phone: '+7 (925) 308-91-12',
    role: 'subscriber',
    status: 'active',
    registrationAddress: 'г. Истра, ул. Садовая, д. 19',
    daysAgo: 370,
  },
  {
    // A house in town and a dacha: two accounts, both with the last bill unpaid.
    key: 'belova',
    email: 'belova@example.com',
    fullName: 'Белова Анна Игоревна',
    phone: '+7 (916) 730-25-48',
    role: 'subscriber',
    status: 'active',
    registrationAddress: 'г. Истра, ул. Юбилейная, д. 3, кв. 15',
    daysAgo: 360,
  },
  {
    key: 'volkov',
    email: 'company@example.com',
    fullName: 'Волков Сергей Павлович',
    phone: '+7 (495) 992-47-10',
    role: 'company_user',
    companyRole: 'owner',
    status: 'active',
    daysAgo: 400,
  },
  {
    key: 'orlova',
    email: 'accountant@example.com',
    fullName: 'Орлова Наталья Викторовна',
    phone: '+7 (495) 992-47-12',
    role: 'company_user',
    companyRole: 'accountant',
    status: 'active',
    daysAgo: 300,
  },
  {
    key: 'zaitsev',
    email: 'engineer@example.com',
    fullName: 'Зайцев Игорь Олегович',
    phone: '+7 (495) 992-47-15',
    role: 'company_user',
    companyRole: 'engineer',
    status: 'active',
    daysAgo: 250,
  },
];

const company = {
  name: 'ООО «Истра-Агро»',
  inn: '5017045672',
  kpp: '501701001',
  ogrn: '1155017004560',
  legalAddress: '143581, Московская область, г.о. Истра, с. Павловская Слобода, ул. Лесная, д. 14',
  curatorName: 'Кравцова Анна Михайловна',
  curatorPhone: '+7 (498) 314-10-21',
  curatorEmail: 'dogovor@example.com',
};

interface MeterSpec {
  serialNumber: string;
  model: string;
  zonePlan: 1 | 2 | 3;
  installedAt: string;
  /** A fixed date, or `soon` for one within the next 3 months (the UI warns about it). */
  verificationDue: string | 'soon';
  /** Average monthly kWh; seasonal and random variation is added. */
  baseKwh: number;
  initialValue: number;
}

interface AccountSpec {
  number: string;
  kind: 'household' | 'company';
  holderName: string;
  settlement: string;
  street: string;
  house: string;
  flat?: string;
  postcode: string;
  phone: string;
  category: TariffCategory;
  residents: number;
  contractNumber: string;
  contractStart: string;
  contractEnd?: string;
  /** The user who owns the account and submits readings; none: not registered. */
  owner?: UserKey;
  meters: MeterSpec[];
  /** The last N billed periods have no readings and are estimated by the average. */
  estimatedLast: number;
  /** The last N bills are not paid. */
  unpaidLast: number;
  /** A reading for the current (not yet billed) period was already submitted. */
  currentReading: boolean;
}

const accountSpecs: AccountSpec[] = [
  {
    number: '50010001',
    kind: 'household',
    holderName: 'Иванова Мария Петровна',
    settlement: 'г. Истра',
    street: 'ул. Советская',
    house: '12',
    flat: '34',
    postcode: '143500',
    phone: '+7 (916) 245-18-73',
    category: 'urban',
    residents: 2,
    contractNumber: 'ЭС-50010001',
    contractStart: '2014-09-01',
    owner: 'ivanova',
    meters: [
      {
        serialNumber: '41235872',
        model: 'Меркурий 201.5',
        zonePlan: 1,
        installedAt: '2019-04-16',
        verificationDue: '2035-04-15',
        baseKwh: 235,
        initialValue: 18_342,
      },
    ],
    estimatedLast: 0,
    unpaidLast: 0,
    currentReading: false,
  },
  {
    number: '50010002',
    kind: 'household',
    holderName: 'Петров Алексей Сергеевич',
    settlement: 'д. Лешково',
    street: 'ул. Лесная',
    house: '7',
    postcode: '143581',
    phone: '+7 (903) 517-62-40',
    category: 'rural_or_stove',
    residents: 4,
    contractNumber: 'ЭС-50010002',
    contractStart: '2011-05-01',
    owner: 'petrov',
    meters: [
      {
        serialNumber: '009217056004185',
        model: 'Энергомера СЕ102М R5.1',
        zonePlan: 2,
        installedAt: '2011-03-22',
        verificationDue: 'soon',
        baseKwh: 490,
        initialValue: 52_817,
      },
    ],
    estimatedLast: 2,
    unpaidLast: 2,
    currentReading: false,
  },
  {
    number: '50010003',
    kind: 'household',
    holderName: 'Сидорова Ольга Николаевна',
    settlement: 'г. Истра',
    street: 'ул. Садовая',
    house: '19',
    postcode: '143500',
    phone: '+7 (925) 308-91-12',
    category: 'urban',
    residents: 3,
    contractNumber: 'ЭС-50010003',
    contractStart: '2017-06-01',
    owner: 'sidorova',
    meters: [
      {
        serialNumber: '38654109',
        model: 'Меркурий 231 AT-01',
        zonePlan: 3,
        installedAt: '2020-10-05',
        verificationDue: '2030-10-04',
        baseKwh: 520,
        initialValue: 21_460,
      },
      {
        serialNumber: '41877203',
        model: 'Меркурий 201.5',
        zonePlan: 1,
        installedAt: '2021-07-12',
        verificationDue: '2037-07-11',
        baseKwh: 95,
        initialValue: 3_915,
      },
    ],
    estimatedLast: 0,
    unpaidLast: 1,
    currentReading: true,
  },
  {
    number: '50010004',
    kind: 'household',
    holderName: 'Кузнецов Дмитрий Андреевич',
    settlement: 'г. Истра',
    street: 'ул. Ленина',
    house: '5',
    flat: '7',
    postcode: '143500',
    phone: '+7 (926) 411-03-96',
    category: 'urban',
    residents: 1,
    contractNumber: 'ЭС-50010004',
    contractStart: '2016-02-01',
    meters: [
      {
        serialNumber: '011075132904417',
        model: 'Энергомера СЕ101 R5',
        zonePlan: 1,
        installedAt: '2016-01-28',
        verificationDue: '2032-01-27',
        baseKwh: 165,
        initialValue: 27_204,
      },
    ],
    estimatedLast: 0,
    unpaidLast: 1,
    currentReading: false,
  },
  {
    number: '50010005',
    kind: 'household',
    holderName: 'Белова Анна Игоревна',
    settlement: 'г. Истра',
    street: 'ул. Юбилейная',
    house: '3',
    flat: '15',
    postcode: '143500',
    phone: '+7 (916) 730-25-48',
    category: 'urban',
    residents: 2,
    contractNumber: 'ЭС-50010005',
    contractStart: '2018-03-01',
    owner: 'belova',
    meters: [
      {
        serialNumber: '42107735',
        model: 'Меркурий 201.5',
        zonePlan: 1,
        installedAt: '2018-02-20',
        verificationDue: '2034-02-19',
        baseKwh: 180,
        initialValue: 15_820,
      },
    ],
    estimatedLast: 0,
    unpaidLast: 1,
    currentReading: false,
  },
  {
    number: '50010006',
    kind: 'household',
    holderName: 'Белова Анна Игоревна',
    settlement: 'д. Лешково',
    street: 'ул. Полевая',
    house: '11',
    postcode: '143530',
    phone: '+7 (916) 730-25-48',
    category: 'rural_or_stove',
    residents: 0,
    contractNumber: 'ЭС-50010006',
    contractStart: '2019-05-01',
    owner: 'belova',
    meters: [
      {
        serialNumber: '42109918',
        model: 'Меркурий 201.5',
        zonePlan: 1,
        installedAt: '2019-04-25',
        verificationDue: '2035-04-24',
        baseKwh: 90,
        initialValue: 4_310,
      },
    ],
    estimatedLast: 0,
    unpaidLast: 1,
    currentReading: false,
  },
  {
    number: '70020001',
    kind: 'company',
    holderName: company.name,
    settlement: 'с. Павловская Слобода',
    street: 'ул. Лесная',
    house: '14, стр. 2',
    postcode: '143581',
    phone: '+7 (495) 992-47-10',
    category: 'urban',
    residents: 0,
    contractNumber: 'ЮЛ-2021/014-1',
    contractStart: '2021-01-01',
    contractEnd: '2027-12-31',
    owner: 'volkov',
    meters: [
      {
        serialNumber: '35109844',
        model: 'Меркурий 231 AT-01',
        zonePlan: 3,
        installedAt: '2020-12-15',
        verificationDue: '2030-12-14',
        baseKwh: 4200,
        initialValue: 186_530,
      },
    ],
    estimatedLast: 0,
    unpaidLast: 0,
    currentReading: false,
  },
  {
    number: '70020002',
    kind: 'company',
    holderName: company.name,
    settlement: 'д. Лешково',
    street: 'ул. Промышленная',
    house: '3',
    postcode: '143581',
    phone: '+7 (495) 992-47-10',
    category: 'urban',
    residents: 0,
    contractNumber: 'ЮЛ-2021/014-2',
    contractStart: '2021-01-01',
    contractEnd: '2027-12-31',
    owner: 'volkov',
    meters: [
      {
        serialNumber: '009026084002731',
        model: 'Энергомера СЕ301',
        zonePlan: 1,
        installedAt: '2020-12-15',
        verificationDue: '2032-12-14',
        baseKwh: 1800,
        initialValue: 74_912,
      },
    ],
    estimatedLast: 0,
    unpaidLast: 1,
    currentReading: false,
  },
  {
    number: '70020003',
    kind: 'company',
    holderName: company.name,
    settlement: 'г. Истра',
    street: 'ул. Первомайская',
    house: '5',
    flat: 'пом. 12',
    postcode: '143500',
    phone: '+7 (495) 992-47-10',
    category: 'urban',
    residents: 0,
    contractNumber: 'ЮЛ-2021/014-3',
    contractStart: '2022-03-01',
    contractEnd: '2027-12-31',
    owner: 'volkov',
    meters: [
      {
        serialNumber: '37220561',
        model: 'Меркурий 230 ART-01',
        zonePlan: 1,
        installedAt: '2022-02-18',
        verificationDue: '2032-02-17',
        baseKwh: 900,
        initialValue: 22_675,
      },
    ],
    estimatedLast: 0,
    unpaidLast: 0,
    currentReading: false,
  },
];

// ─── Consumption model ──────────────────────────────────────────────────────

/** More in winter (January peak), less in summer: ±25 %. */
function seasonalFactor(period: string): number {
  return 1 + 0.25 * Math.cos((2 * Math.PI * (monthOf(period) - 1)) / 12);
}

/** One month's whole kWh per zone of a plan; night 30–35 %, peak ~25 %, half-peak the rest. */
function monthlyVolumes(rnd: Random, meter: MeterSpec, period: string): Map<TariffZone, number> {
  const total = Math.max(1, Math.round(meter.baseKwh * seasonalFactor(period) * rnd.between(0.9, 1.1)));
  if (meter.zonePlan === 1) return new Map([['all_day', total]]);
  const night = Math.round(total * rnd.between(0.3, 0.35));
  if (meter.zonePlan === 2)
    return new Map([
      ['day', total - night],
      ['night', night],
    ]);
  const peak = Math.round(total * rnd.between(0.23, 0.27));
  return new Map([
    ['peak', peak],
    ['half_peak', total - night - peak],
    ['night', night],
  ]);
}

/** The registers at the start of the history: the meter's total split like a typical month. */
function splitInitial(meter: MeterSpec): Map<TariffZone, number> {
  const total = meter.initialValue;
  if (meter.zonePlan === 1) return new Map([['all_day', total]]);
  const night = Math.round(total * 0.32);
  if (meter.zonePlan === 2)
    return new Map([
      ['day', total - night],
      ['night', night],
    ]);
  const peak = Math.round(total * 0.25);
  return new Map([
    ['peak', peak],
    ['half_peak', total - night - peak],
    ['night', night],
  ]);
}

// ─── Building the rows ──────────────────────────────────────────────────────

const cardBins = ['220220', '220070', '427638', '546938', '220015'];

// ГИС ЖКХ identifiers of the households (companies pay by contract, outside ГИС ЖКХ billing). Made
// up in the confirmed shapes (lib/validation/gis-ids.ts), not issued by ГИС ЖКХ: ЕЛС «50АБ» + the
// account number's last six digits, ИЖКУ its service «01», ИПД that and the bill's place in the
// account's history (0001 the oldest), so the demo and its tests can name them.
const demoEls = (spec: AccountSpec) => (spec.kind === 'household' ? `50АБ${spec.number.slice(-6)}` : null);
const demoIzhku = (spec: AccountSpec) => {
  const els = demoEls(spec);
  return els ? `${els}-01` : null;
};
const demoIpd = (accountNumber: string, billIndex: number) =>
  `50АБ${accountNumber.slice(-6)}-01-${String(billIndex + 1).padStart(4, '0')}`;

export interface AccountsSeedResult {
  accounts: number;
  users: number;
  meters: number;
  readings: number;
  bills: number;
  payments: number;
}

export async function seedAccounts(
  tx: Tx,
  opts: { calendar: SeedCalendar; passwordHash: string },
): Promise<AccountsSeedResult> {
  const { calendar, passwordHash } = opts;
  const { now } = calendar;
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const notAfterNow = (instant: Date) => (instant > now ? new Date(now.getTime() - 60_000) : instant);

  // Company and users.
  const [companyRow] = await tx
    .insert(companies)
    .values({ ...company, createdAt: ago(400) })
    .returning({ id: companies.id });
  const companyId = companyRow!.id;

  const userRow = (u: UserSpec, decidedBy: string | null) => {
    const createdAt = ago(u.daysAgo);
    const confirmedAt = new Date(createdAt.getTime() + 7 * 60_000);
    const active = u.status === 'active';
    return {
      email: u.email,
      passwordHash,
      fullName: u.fullName,
      phone: u.phone,
      role: u.role,
      status: u.status,
      companyId: u.role === 'company_user' ? companyId : null,
      companyRole: u.role === 'company_user' ? (u.companyRole ?? 'owner') : null,
      emailConfirmedAt: confirmedAt,
      registrationAddress: u.registrationAddress ?? null,
      decidedAt: active && u.role === 'subscriber' ? new Date(createdAt.getTime() + 26 * 3_600_000) : null,
      decidedBy: active && u.role === 'subscriber' ? decidedBy : null,
      // Subscribers and company users accept the consent; the current text was accepted recently
      // (re-accepted by long-time users). Staff work under their employment contract.
      consentVersion: u.role === 'operator' || u.role === 'admin' ? null : CONSENT_VERSION,
      consentAt: u.role === 'operator' || u.role === 'admin' ? null : u.daysAgo > 20 ? ago(20) : createdAt,
      newsSubscription: u.key === 'ivanova' || u.key === 'sidorova',
      createdAt,
      updatedAt: createdAt,
    };
  };
  const [operatorSpec, ...otherSpecs] = userSpecs;
  const [operator] = await tx.insert(users).values(userRow(operatorSpec!, null)).returning({ id: users.id });
  const insertedUsers = await tx
    .insert(users)
    .values(otherSpecs.map((u) => userRow(u, operator!.id)))
    .returning({ id: users.id, email: users.email });
  const userIds = new Map<UserKey, string>([['operator', operator!.id]]);
  for (const spec of otherSpecs) userIds.set(spec.key, insertedUsers.find((r) => r.email === spec.email)!.id);
  const emailOf = new Map(userSpecs.map((u) => [u.key, u.email]));

  // Accounts, their owners, their meters.
  const insertedAccounts = await tx
    .insert(accounts)
    .values(
      accountSpecs.map((a) => ({
        number: a.number,
        kind: a.kind,
        holderName: a.holderName,
        companyId: a.kind === 'company' ? companyId : null,
        settlement: a.settlement,
        street: a.street,
        house: a.house,
        flat: a.flat ?? null,
        postcode: a.postcode,
        phone: a.phone,
        tariffCategory: a.category,
        residents: a.residents,
        contractNumber: a.contractNumber,
        contractStart: a.contractStart,
        contractEnd: a.contractEnd ?? null,
        els: demoEls(a),
        izhku: demoIzhku(a),
        createdAt: ago(430),
      })),
    )
    .returning({ id: accounts.id, number: accounts.number });
  const accountIds = new Map(insertedAccounts.map((a) => [a.number, a.id]));

  // Company accounts are reached through the company, never through account_users.
  await tx.insert(accountUsers).values(
    accountSpecs
      .filter((a) => a.owner && a.kind === 'household')
      .map((a) => {
        const user = userSpecs.find((u) => u.key === a.owner)!;
        return {
          accountId: accountIds.get(a.number)!,
          userId: userIds.get(a.owner!)!,
          isOwner: true,
          createdAt: ago(user.daysAgo),
        };
      }),
  );

  const verificationSoon = moscowDayPlus(now, 55);
  const insertedMeters = await tx
    .insert(meters)
    .values(
      accountSpecs.flatMap((a) =>
        a.meters.map((m) => ({
          accountId: accountIds.get(a.number)!,
          serialNumber: m.serialNumber,
          model: m.model,
          zonePlan: m.zonePlan,
          status: 'active' as const,
          installedAt: m.installedAt,
          verificationDue: m.verificationDue === 'soon' ? verificationSoon : m.verificationDue,
          createdAt: ago(430),
        })),
      ),
    )
    .returning({ id: meters.id, accountId: meters.accountId, serialNumber: meters.serialNumber });
  const meterId = (accountId: string, serial: string) =>
    insertedMeters.find((m) => m.accountId === accountId && m.serialNumber === serial)!.id;

  // The billing run bills each period on the 1st of the next month, started by the operator.
  const issuedAtOf = (period: string) => notAfterNow(moscowInstant(addMonths(period, 1), 6, 15));

  // Readings and when each bill gets paid, in memory first (from the seeded generator).
  type ReadingRow = typeof readings.$inferInsert;
  const readingRows: ReadingRow[] = [];
  const paymentPlan = new Map<
    string,
    { spec: AccountSpec; actingUserId: string | null; cardMask: string; paidAt: Date }[]
  >(calendar.billed.map((period) => [period, []]));

  for (const spec of accountSpecs) {
    const rnd = randomFor(`account:${spec.number}`);
    const accountId = accountIds.get(spec.number)!;
    const ownerId = spec.owner ? userIds.get(spec.owner)! : null;
    // Only an active user acts for the account; a pending registration pays as a guest.
    const actingUserId =
      spec.owner && userSpecs.find((u) => u.key === spec.owner)!.status === 'active' ? ownerId : null;
    // All registers of all the account's meters are submitted together, once a period.
    const submissionTimes = new Map(
      calendar.billed.map((period) => [period, moscowInstant(dayOf(period, 20), rnd.int(8, 21), rnd.int(0, 59))]),
    );
    const submittedAt = (period: string) => submissionTimes.get(period)!;
    const cardMask = `${cardBins[rnd.int(0, cardBins.length - 1)]}******${String(rnd.int(0, 9999)).padStart(4, '0')}`;

    for (const meter of spec.meters) {
      const id = meterId(accountId, meter.serialNumber);
      const zones = zonesForPlan(meter.zonePlan);
      const register = splitInitial(meter);
      for (const zone of zones) {
        readingRows.push({
          meterId: id,
          period: calendar.initial,
          zone,
          value: register.get(zone)!,
          source: 'initial',
          submittedBy: null,
          submittedAt: moscowInstant(dayOf(calendar.initial, 20), 10),
        });
      }
      // The last `estimatedLast` periods have no reading: the run bills them by the average (ПП РФ № 354 п. 59).
      const realCount = calendar.billed.length - spec.estimatedLast;
      calendar.billed.forEach((period, index) => {
        const month = monthlyVolumes(rnd, meter, period);
        for (const zone of zones) {
          register.set(zone, register.get(zone)! + month.get(zone)!);
          if (index >= realCount) continue;
          readingRows.push({
            meterId: id,
            period,
            zone,
            value: register.get(zone)!,
            source: 'subscriber',
            submittedBy: actingUserId,
            submittedAt: submittedAt(period),
          });
        }
      });

      if (spec.currentReading) {
        const month = monthlyVolumes(rnd, meter, calendar.current);
        const startOfMonth = moscowInstant(dayOf(calendar.current, 1), 0);
        const on20th = moscowInstant(dayOf(calendar.current, 20), 12, 5);
        const at = new Date(
          Math.max(startOfMonth.getTime() + 60_000, Math.min(on20th.getTime(), now.getTime() - 86_400_000)),
        );
        for (const zone of zones) {
          readingRows.push({
            meterId: id,
            period: calendar.current,
            zone,
            value: register.get(zone)! + month.get(zone)!,
            source: 'subscriber',
            submittedBy: actingUserId,
            submittedAt: at,
          });
        }
      }
    }

    calendar.billed.forEach((period, index) => {
      const paid = index < calendar.billed.length - spec.unpaidLast;
      if (!paid) return;
      const issuedAt = issuedAtOf(period);
      let paidAt = moscowInstant(dayOf(addMonths(period, 1), rnd.int(5, 9)), rnd.int(9, 21), rnd.int(0, 59));
      if (paidAt >= now) {
        // The 5th–9th is still ahead: paid earlier this month, if the bill was out by then.
        paidAt = new Date(now.getTime() - 3_600_000);
        if (paidAt <= issuedAt) return;
      }
      paymentPlan.get(period)!.push({ spec, actingUserId, cardMask, paidAt });
    });
  }
  await tx.insert(readings).values(readingRows);

  // The bill history, period by period, through the billing run itself; each bill is paid in full
  // when the plan says so, before the next period is billed (the run's penalties look at payments).
  const allAccounts = { accountIds: [...accountIds.values()] };
  let billCount = 0;
  let paymentCount = 0;
  for (const [periodIndex, period] of calendar.billed.entries()) {
    const finishedAt = issuedAtOf(period);
    const [run] = await tx
      .insert(billingRuns)
      .values({
        period,
        status: 'done',
        startedBy: operator!.id,
        startedAt: new Date(finishedAt.getTime() - 40_000),
        finishedAt,
        billsCreated: 0,
      })
      .returning({ id: billingRuns.id });
    const result = await billChunk(tx, {
      runId: run!.id,
      period,
      scope: allAccounts,
      at: finishedAt.toISOString(),
      startedBy: operator!.id,
    });
    if (result?.skipped) throw new Error(`The demo billing run of ${period} skipped accounts: ${result.skippedNotes}`);
    await tx
      .update(billingRuns)
      .set({ accountsTotal: result?.bills ?? 0 })
      .where(eq(billingRuns.id, run!.id));
    billCount += result?.bills ?? 0;
    for (const spec of accountSpecs.filter((a) => demoEls(a))) {
      await tx
        .update(bills)
        .set({ ipd: demoIpd(spec.number, periodIndex) })
        .where(and(eq(bills.billingRunId, run!.id), eq(bills.accountId, accountIds.get(spec.number)!)));
    }

    const plan = paymentPlan.get(period)!;
    if (plan.length === 0) continue;
    const periodBills = await tx
      .select({ id: bills.id, accountId: bills.accountId, amountKopecks: bills.amountKopecks })
      .from(bills)
      .where(eq(bills.billingRunId, run!.id));
    for (const { spec, actingUserId, cardMask, paidAt } of plan) {
      const accountId = accountIds.get(spec.number)!;
      const bill = periodBills.find((b) => b.accountId === accountId);
      if (!bill || bill.amountKopecks <= 0) continue;
      const guest = actingUserId === null;
      const receiptNumber = `R-${compactPeriod(period)}-${spec.number}`;
      const [payment] = await tx
        .insert(payments)
        .values({
          accountId,
          userId: actingUserId,
          purpose: 'electricity',
          billId: bill.id,
          amountKopecks: bill.amountKopecks,
          status: 'paid',
          gateway: 'sandbox',
          isTest: true,
          description: `Оплата электроэнергии за ${formatPeriod(period)}, л/с ${spec.number}${guest ? ' (без регистрации)' : ''}`,
          receiptEmail: spec.owner && !guest ? emailOf.get(spec.owner)! : null,
          gatewayReference: `seed-${spec.number}-${compactPeriod(period)}`,
          paymentMethod: 'BankCard',
          cardMask,
          paidAt,
          createdAt: new Date(paidAt.getTime() - 3 * 60_000),
          updatedAt: paidAt,
        })
        .returning({ id: payments.id });
      // The ledger is append-only: entries are only ever inserted, in the order they happened.
      await tx.insert(ledgerEntries).values({
        accountId,
        kind: 'payment',
        amountKopecks: -bill.amountKopecks,
        paymentId: payment!.id,
        description: `Оплата картой ${cardMask.slice(-4)} (квитанция ${receiptNumber})`,
        createdBy: actingUserId,
        postedAt: paidAt,
      });
      paymentCount += 1;
    }
  }

  return {
    accounts: insertedAccounts.length,
    users: userIds.size,
    meters: insertedMeters.length,
    readings: readingRows.length,
    bills: billCount,
    payments: paymentCount,
  };
}
