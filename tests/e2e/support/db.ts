import postgres from 'postgres';

// A few rows of the journey's own, written straight to the test database (DATABASE_URL, the
// database the server under test uses): the demo's households are each some other spec's, and a
// journey that pays or submits readings must not move a balance or a history another spec
// asserts. Also the one shortcut of time the journeys take: a payment made to look older than
// its lifetime, for the expiry job to give it up without a 30-minute wait.

/** Whether the journeys can reach the server's database (not with the embedded one). */
export const hasDatabase = Boolean(process.env.DATABASE_URL);

async function withDb<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the journey needs the server’s database');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

export interface Household {
  email: string;
  /** As stored in the profile: «+7 (9xx) xxx-xx-xx». */
  phone: string;
  accountNumber: string;
  meterSerial: string;
}

/**
 * A registered, active subscriber with one household account and one active meter whose last
 * accepted reading (the month before the current one) is `baseline`, a value per register:
 * `{ all_day }` for a one-rate meter, `{ day, night }` for a two-zone one. Unique per call.
 */
export async function createHousehold(
  key: string,
  baseline: { all_day: number } | { day: number; night: number },
): Promise<Household> {
  const unique = `${Date.now()}`.slice(-8) + String(Math.floor(Math.random() * 10));
  const digits = `9${unique}`; // ten digits of a mobile number
  const phone = `+7 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8, 10)}`;
  const household: Household = {
    email: `e2e-${key}-${unique}@example.com`,
    phone,
    accountNumber: `59${unique}`,
    meterSerial: `E2E${unique}`,
  };
  const zonePlan = 'all_day' in baseline ? 1 : 2;
  await withDb((sql) =>
    sql.begin(async (tx) => {
      // Ivanova's password (every demo user has the same) and her accepted consent.
      const [user] = await tx<{ id: string }[]>`
        insert into users (email, password_hash, full_name, phone, role, status, email_confirmed_at,
          registration_address, decided_at, consent_version, consent_at)
        select ${household.email}, password_hash, ${`Тестов ${key} Иванович`}, ${phone}, 'subscriber', 'active',
          now(), 'г. Истра, ул. Проверочная, д. 1', now(), consent_version, now()
        from users where email = 'ivanova@example.com'
        returning id`;
      if (!user) throw new Error('the demo seed is missing (no ivanova@example.com)');
      const [account] = await tx<{ id: string }[]>`
        insert into accounts (number, kind, holder_name, settlement, street, house, flat, postcode, phone,
          tariff_category, residents, contract_number, contract_start)
        values (${household.accountNumber}, 'household', ${`Тестов ${key} Иванович`}, 'г. Истра',
          'ул. Проверочная', '1', ${unique.slice(-3)}, '143500', ${phone}, 'urban', 1,
          ${`ЭС-${household.accountNumber}`}, '2020-01-01')
        returning id`;
      await tx`insert into account_users (account_id, user_id, is_owner) values (${account!.id}, ${user.id}, true)`;
      const [meter] = await tx<{ id: string }[]>`
        insert into meters (account_id, serial_number, model, zone_plan, status, installed_at, verification_due)
        values (${account!.id}, ${household.meterSerial}, 'Меркурий 201.5', ${zonePlan}, 'active', '2020-01-01',
          '2036-01-01')
        returning id`;
      for (const [zone, value] of Object.entries(baseline)) {
        await tx`
          insert into readings (meter_id, period, zone, value, source, status, submitted_at)
          values (${meter!.id},
            (date_trunc('month', now() at time zone 'Europe/Moscow') - interval '1 month')::date,
            ${zone}, ${value}, 'initial', 'accepted', now() - interval '20 days')`;
      }
    }),
  );
  return household;
}

/** Moves a payment's start `minutes` back, as if the payer had left the gateway's page that long ago. */
export async function agePayment(invId: number, minutes: number): Promise<void> {
  await withDb(async (sql) => {
    const rows = await sql`
      update payments set created_at = created_at - make_interval(mins => ${minutes})
      where inv_id = ${invId} and status = 'pending'
      returning id`;
    if (rows.length !== 1) throw new Error(`no pending payment № ${invId}`);
  });
}
