// A signed-in user's own settings (lib/auth/profile.ts), what a user may see
// (lib/auth/session.ts, lib/accounts/list.ts) and one-time tokens (lib/auth/tokens.ts).
import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, oneTimeTokens, users } from '@/db/schema';
import { listMyAccounts } from '@/lib/accounts/list';
import { verifyPassword } from '@/lib/auth/password';
import {
  changePassword,
  confirmEmailChange,
  endAllSessions,
  requestEmailChange,
  updatePreferences,
} from '@/lib/auth/profile';
import { preferencesSchema } from '@/lib/auth/schemas';
import { accessibleAccountIds, canAccessAccount } from '@/lib/auth/session';
import { consumeToken, issueToken } from '@/lib/auth/tokens';
import {
  accountByNumber,
  auditRows,
  ctx,
  freshIp,
  hours,
  NEW_PASSWORD,
  outboxFor,
  shift,
  TEST_ORIGIN,
  tokenFromLatestLetter,
  tokensOf,
  userByEmail,
  userById,
} from '../support/auth-fixtures';
import {
  createAccount,
  createCompanyUser,
  createHousehold,
  createUser,
  insertUser,
  sessionUser,
  TEST_PASSWORD,
  testPasswordHash,
} from '../support/factories';
import { dbErrorOf, useTestDatabase } from '../support/test-db';

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
// lib/auth/session.ts imports Auth.js, which needs the Next.js runtime; no cookie is read here.
vi.mock('@/auth', () => ({ auth: async () => null }));

const onPostgres = Boolean(process.env.DATABASE_URL);
const now = new Date();
const t = useTestDatabase();
const db = () => t.db;
const ip = () => freshIp(140);

let knownHash: string;
/** Who is here, by e-mail; every one logs in with `TEST_PASSWORD`. */
const emails = { ivanova: '', petrov: '', sidorova: '', company: '', operator: '' };
/** The households' account numbers; `unclaimed` has nobody registered. */
const numbers = { ivanova: '', petrov: '', sidorova: '', unclaimed: '' };
let companyNumbers: string[];
beforeAll(async () => {
  knownHash = await testPasswordHash();
  const withPassword = { passwordHash: knownHash };
  const ivanova = await createHousehold(db(), {
    account: {
      holderName: 'Иванова Мария Петровна',
      settlement: 'г. Истра',
      street: 'ул. Советская',
      house: '12',
      flat: '34',
    },
    user: withPassword,
  });
  const petrov = await createHousehold(db(), { user: withPassword });
  const sidorova = await createHousehold(db(), { user: withPassword });
  const company = await createCompanyUser(db(), { user: withPassword });
  companyNumbers = [];
  for (let i = 0; i < 3; i++)
    companyNumbers.push((await createAccount(db(), { kind: 'company', companyId: company.companyId })).number);
  const operator = await createUser(db(), { role: 'operator', ...withPassword });
  Object.assign(emails, {
    ivanova: ivanova.user.email,
    petrov: petrov.user.email,
    sidorova: sidorova.user.email,
    company: company.user.email,
    operator: operator.email,
  });
  Object.assign(numbers, {
    ivanova: ivanova.number,
    petrov: petrov.number,
    sidorova: sidorova.number,
    unclaimed: (await createAccount(db())).number,
  });
});

describe('changePassword', () => {
  it('refuses a wrong current password at its field and changes nothing', async () => {
    const petrov = await sessionUser(db(), emails.petrov);
    const before = (await userById(db(), petrov.id))!;
    const result = await changePassword(
      petrov,
      { currentPassword: 'not-my-password', password: NEW_PASSWORD },
      ctx(ip(), now),
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { currentPassword: 'Текущий пароль указан неверно' } });
    expect(await userById(db(), petrov.id)).toStrictEqual(before);
    expect(await outboxFor(db(), petrov.email)).toEqual([]);
  });

  it('with the right one: new hash, the next session version, a letter to the user', async () => {
    const petrov = await sessionUser(db(), emails.petrov);
    const result = await changePassword(
      petrov,
      { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD },
      ctx(ip(), now),
    );
    expect(result).toMatchObject({ ok: true, sessionVersion: petrov.sessionVersion + 1 });

    const after = (await userById(db(), petrov.id))!;
    expect(after.sessionVersion).toBe(petrov.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(false);
    const letters = await outboxFor(db(), emails.petrov);
    expect(letters.map((l) => l.template)).toEqual(['password_changed']);
    expect(letters[0]!.text).toContain(`${TEST_ORIGIN}/fiz/password/reset`);
    expect((await auditRows(db(), 'password.changed')).filter((r) => r.subjectId === petrov.id)).toHaveLength(1);
  });
});

describe('e-mail change', () => {
  it('moves the login address only when the new one is confirmed; the old address is told', async () => {
    const sidorova = await sessionUser(db(), emails.sidorova);
    const result = await requestEmailChange(
      sidorova,
      { newEmail: 'olga.sidorova@example.ru', currentPassword: TEST_PASSWORD },
      ctx(ip(), now),
    );
    expect(result).toMatchObject({ ok: true });

    const pending = (await userById(db(), sidorova.id))!;
    expect(pending).toMatchObject({ email: emails.sidorova, pendingEmail: 'olga.sidorova@example.ru' });
    const confirmLetters = await outboxFor(db(), 'olga.sidorova@example.ru');
    expect(confirmLetters.map((l) => l.template)).toEqual(['email_change_confirm']);
    expect(confirmLetters[0]!.text).toContain(`${TEST_ORIGIN}/fiz/email/confirm?token=`);
    const notices = await outboxFor(db(), emails.sidorova);
    expect(notices.map((l) => l.template)).toEqual(['email_change_notice']);
    expect(notices[0]!.text).toContain('olga.sidorova@example.ru');
    expect(notices[0]!.text).not.toContain('token=');

    const token = await tokenFromLatestLetter(db(), 'olga.sidorova@example.ru');
    const at = shift(now, hours(1));
    expect(await confirmEmailChange(token, { ip: ip(), now: at })).toStrictEqual({
      ok: true,
      email: 'olga.sidorova@example.ru',
    });
    expect(await userById(db(), sidorova.id)).toMatchObject({ email: 'olga.sidorova@example.ru', pendingEmail: null });
    expect(await userByEmail(db(), emails.sidorova)).toBeUndefined();
    expect((await auditRows(db(), 'email.changed')).filter((r) => r.subjectId === sidorova.id)).toMatchObject([
      { details: { email: 'olga.sidorova@example.ru' } },
    ]);

    // The link works once.
    expect(await confirmEmailChange(token, { ip: ip(), now: at })).toStrictEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a wrong password and the current address, writing nothing', async () => {
    const user = await sessionUser(db(), emails.company);
    const wrong = await requestEmailChange(
      user,
      { newEmail: 'new.company@example.ru', currentPassword: 'wrong-password' },
      ctx(ip(), now),
    );
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: 'Текущий пароль указан неверно' } });
    const same = await requestEmailChange(
      user,
      { newEmail: emails.company, currentPassword: TEST_PASSWORD },
      ctx(ip(), now),
    );
    expect(same).toMatchObject({ ok: false, fieldErrors: { newEmail: expect.any(String) } });
    expect((await userById(db(), user.id))!.pendingEmail).toBeNull();
    expect(await tokensOf(db(), user.id)).toEqual([]);
    expect(await outboxFor(db(), 'new.company@example.ru')).toEqual([]);
    expect(await outboxFor(db(), emails.company)).toEqual([]);
  });

  it('does not take an address that someone else took meanwhile', async () => {
    const owner = await insertUser(db(), { email: 'changer@example.ru', passwordHash: knownHash });
    const user = await sessionUser(db(), owner.email);
    expect(
      await requestEmailChange(
        user,
        { newEmail: 'contested@example.ru', currentPassword: TEST_PASSWORD },
        ctx(ip(), now),
      ),
    ).toMatchObject({
      ok: true,
    });
    const token = await tokenFromLatestLetter(db(), 'contested@example.ru');

    await insertUser(db(), { email: 'Contested@Example.ru', passwordHash: knownHash });
    expect(await confirmEmailChange(token, { ip: ip(), now })).toStrictEqual({ ok: false, reason: 'taken' });
    expect((await userById(db(), owner.id))!.email).toBe('changer@example.ru');
    expect((await auditRows(db(), 'email.changed')).filter((r) => r.subjectId === owner.id)).toEqual([]);
  });

  // Regression: the loser of two simultaneous confirmations once got the raw unique-index error.
  it('answers «taken» to the second of two simultaneous confirmations of one address', async () => {
    const ids: string[] = [];
    const tokens: string[] = [];
    for (const email of ['racer.one@example.ru', 'racer.two@example.ru']) {
      const racer = await insertUser(db(), { email, passwordHash: knownHash });
      ids.push(racer.id);
      await requestEmailChange(
        await sessionUser(db(), email),
        { newEmail: 'prize@example.ru', currentPassword: TEST_PASSWORD },
        ctx(ip(), now),
      );
      tokens.push(await tokenFromLatestLetter(db(), 'prize@example.ru'));
    }
    const confirmBoth = () => tokens.map((token) => confirmEmailChange(token, { ip: ip(), now }));

    let settled: PromiseSettledResult<Awaited<ReturnType<typeof confirmEmailChange>>>[];
    if (onPostgres) {
      // Make the race certain: hold both users' rows, so both confirmations pass their «taken»
      // check and then wait at their UPDATE; let go once both are waiting.
      let release!: () => void;
      let locked!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = db().transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).where(inArray(users.id, ids)).for('update');
        locked();
        await gate;
      });
      await isLocked;
      const confirmations = Promise.allSettled(confirmBoth());
      const deadline = Date.now() + 5_000;
      for (;;) {
        const [row] = await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(sql`pg_locks`)
          .where(sql`not granted`);
        if ((row?.n ?? 0) >= 2 || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      release();
      await holder;
      settled = await confirmations;
    } else {
      settled = await Promise.allSettled(confirmBoth());
    }

    const owners = await db()
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = 'prize@example.ru'`);
    expect(owners).toHaveLength(1);
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value : { thrown: dbErrorOf(r.reason) }))).toEqual(
      expect.arrayContaining([
        { ok: true, email: 'prize@example.ru' },
        { ok: false, reason: 'taken' },
      ]),
    );
  });

  it('refuses a confirmation link after its 24 hours', async () => {
    const owner = await insertUser(db(), { email: 'late.changer@example.ru', passwordHash: knownHash });
    const user = await sessionUser(db(), owner.email);
    await requestEmailChange(user, { newEmail: 'late.new@example.ru', currentPassword: TEST_PASSWORD }, ctx(ip(), now));
    const token = await tokenFromLatestLetter(db(), 'late.new@example.ru');
    expect(await confirmEmailChange(token, { ip: ip(), now: shift(now, hours(25)) })).toStrictEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await userById(db(), owner.id)).toMatchObject({
      email: 'late.changer@example.ru',
      pendingEmail: 'late.new@example.ru',
    });
  });
});

describe('sessions and preferences', () => {
  it('«выйти на всех устройствах» moves the session version on', async () => {
    const ivanova = await sessionUser(db(), emails.ivanova);
    const ipAddress = ip();
    await endAllSessions(ivanova, { ip: ipAddress });
    expect((await userById(db(), ivanova.id))!.sessionVersion).toBe(ivanova.sessionVersion + 1);
    await endAllSessions(ivanova, { ip: ipAddress });
    expect((await userById(db(), ivanova.id))!.sessionVersion).toBe(ivanova.sessionVersion + 2);
    expect((await auditRows(db(), 'logout.everywhere')).filter((r) => r.subjectId === ivanova.id)).toHaveLength(2);
  });

  it('stores the notification choices as posted by the form', async () => {
    const ivanova = await sessionUser(db(), emails.ivanova);
    const input = preferencesSchema.parse({ notifyNewBill: 'on', notifyOutages: true, newsSubscription: 'on' });
    expect(await updatePreferences(ivanova, input)).toMatchObject({ ok: true });
    expect(await userById(db(), ivanova.id)).toMatchObject({
      notifyReadingReminders: false,
      notifyNewBill: true,
      notifyPaymentReceived: false,
      notifyOutages: true,
      notifyServiceRequests: false,
      newsSubscription: true,
    });
    // Only her row changed.
    expect(await userByEmail(db(), emails.company)).toMatchObject({
      notifyReadingReminders: true,
      newsSubscription: false,
    });

    await updatePreferences(ivanova, preferencesSchema.parse({}));
    expect(await userById(db(), ivanova.id)).toMatchObject({
      notifyNewBill: false,
      notifyOutages: false,
      newsSubscription: false,
    });
  });
});

describe('access isolation', () => {
  it('a household user sees her own account and nobody else’s', async () => {
    const ivanova = await sessionUser(db(), emails.ivanova);
    const own = await accountByNumber(db(), numbers.ivanova);
    const petrovs = await accountByNumber(db(), numbers.petrov);
    const companys = await accountByNumber(db(), companyNumbers[0]!);

    expect(await canAccessAccount(ivanova, own.id)).toBe(true);
    expect(await canAccessAccount(ivanova, own.id.toUpperCase())).toBe(true);
    expect(await canAccessAccount(ivanova, petrovs.id)).toBe(false);
    expect(await canAccessAccount(ivanova, companys.id)).toBe(false);
    expect(await accessibleAccountIds(ivanova)).toEqual([own.id]);
    expect(await listMyAccounts(ivanova)).toEqual([
      {
        id: own.id,
        number: numbers.ivanova,
        holderName: 'Иванова Мария Петровна',
        address: 'г. Истра, ул. Советская, д. 12, кв. 34',
        contractNumber: `ЭС-${numbers.ivanova}`,
        status: 'active',
      },
    ]);
  });

  it('a company user sees the company’s accounts and no household account', async () => {
    const volkov = await sessionUser(db(), emails.company);
    const companyAccounts = await db().select().from(accounts).where(eq(accounts.kind, 'company'));
    expect(companyAccounts).toHaveLength(3);
    for (const a of companyAccounts) expect(await canAccessAccount(volkov, a.id)).toBe(true);
    for (const n of [numbers.ivanova, numbers.petrov, numbers.sidorova, numbers.unclaimed]) {
      expect(await canAccessAccount(volkov, (await accountByNumber(db(), n)).id)).toBe(false);
    }
    expect((await listMyAccounts(volkov)).map((a) => a.number)).toEqual(companyNumbers);
  });

  it('staff, and a household user without links, see no account through these checks', async () => {
    const operator = await sessionUser(db(), emails.operator);
    const own = await accountByNumber(db(), numbers.ivanova);
    expect(await canAccessAccount(operator, own.id)).toBe(false);
    expect(await listMyAccounts(operator)).toEqual([]);
    const loner = await insertUser(db(), { email: 'no.links@example.ru', passwordHash: knownHash });
    expect(await listMyAccounts(await sessionUser(db(), loner.email))).toEqual([]);
  });

  it.each([
    ['empty', ''],
    ['not a uuid', 'not-a-uuid'],
    ['SQL', "' or 1=1 --"],
    ['almost a uuid', '00000000-0000-0000-0000-00000000000'],
    ['a uuid that is no account', '00000000-0000-4000-8000-000000000000'],
  ])('answers false to a malformed or unknown id (%s)', async (_, id) => {
    const ivanova = await sessionUser(db(), emails.ivanova);
    const volkov = await sessionUser(db(), emails.company);
    expect(await canAccessAccount(ivanova, id)).toBe(false);
    expect(await canAccessAccount(volkov, id)).toBe(false);
  });
});

describe('one-time tokens', () => {
  it('stores only the SHA-256 of the token', async () => {
    const user = (await userByEmail(db(), emails.operator))!;
    const token = await issueToken(db(), { userId: user.id, purpose: 'password_reset', now });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await tokensOf(db(), user.id, 'password_reset');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(rows[0]!.tokenHash).not.toBe(token);
    const [leak] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(oneTimeTokens)
      .where(sql`${oneTimeTokens}::text like ${`%${token}%`}`);
    expect(leak!.n).toBe(0);
  });

  it('lets exactly one of two simultaneous transactions use a token', async () => {
    const user = (await userByEmail(db(), emails.operator))!;
    const token = await issueToken(db(), {
      userId: user.id,
      purpose: 'email_change',
      payload: { email: 'x@example.ru' },
      now,
    });
    const attempt = () =>
      db().transaction(async (tx) => {
        const used = await consumeToken(tx, token, 'email_change', now);
        // Hold the row a moment, as real work after the consume would.
        await new Promise((resolve) => setTimeout(resolve, 50));
        return used;
      });
    const results = await Promise.all([attempt(), attempt()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(results.find(Boolean)).toMatchObject({ userId: user.id, payload: { email: 'x@example.ru' } });
    expect(await consumeToken(db(), token, 'email_change', now)).toBeNull();
  });

  it('gives the token back when the transaction that used it fails', async () => {
    const user = (await userByEmail(db(), emails.operator))!;
    const token = await issueToken(db(), { userId: user.id, purpose: 'email_confirm', now });
    await expect(
      db().transaction(async (tx) => {
        expect(await consumeToken(tx, token, 'email_confirm', now)).not.toBeNull();
        throw new Error('later work failed');
      }),
    ).rejects.toThrow('later work failed');
    expect(await consumeToken(db(), token, 'password_reset', now)).toBeNull();
    expect(await consumeToken(db(), token, 'email_confirm', now)).toMatchObject({ userId: user.id });
  });
});
