// Staff second factor, server-side sessions, admin-managed staff, dual control of large refunds,
// the append-only audit log and the first start — each rule as the database and the user see it.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  accounts,
  auditLog,
  ledgerEntries,
  oneTimeTokens,
  payments,
  refundRequests,
  refunds,
  sessions,
  staffRecoveryCodes,
  staffTotp,
  users,
} from '@/db/schema';
import { authenticate, LOGIN_PER_USER } from '@/lib/auth/authenticate';
import { changePassword, PASSWORD_CHECKS_PER_USER, requestEmailChange } from '@/lib/auth/profile';
import { completePasswordReset, requestPasswordReset } from '@/lib/auth/recovery';
import { endSession, liveSession, openSession, sessionPolicy } from '@/lib/auth/sessions';
import { createStaff, resetStaff } from '@/lib/auth/staff-accounts';
import { confirmEnrolment, pendingEnrolmentSecret, SECOND_FACTOR_FAILURES } from '@/lib/auth/staff-factor';
import { staffSecondStep } from '@/lib/auth/staff-login';
import { totpCode } from '@/lib/auth/totp';
import { approveRefundRequest, declineRefundRequest, refundOrRequestApproval } from '@/lib/payments/refund-approval';
import { isPortalSetUp } from '@/lib/setup/state';
import { hashPassword } from '@/lib/auth/password';
import { setUpPortal } from '@/lib/setup/first-start';
import { newPassword } from '@/lib/validation/fields';
import {
  clearOfWindowEdge,
  freshIp,
  hours,
  minutes,
  shift,
  tokenFromLatestLetter,
  userByEmail,
} from '../support/auth-fixtures';
import {
  createAccount,
  createCompanyUser,
  createHousehold,
  createUser,
  createUtilityProfile,
  sessionUser,
  TEST_PASSWORD,
  testPasswordHash,
} from '../support/factories';
import { createTestDatabase, useAsGlobalDb, useTestDatabase } from '../support/test-db';

vi.mock('@/auth', () => ({ auth: async () => null, signIn: async () => undefined }));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

process.env.AUTH_SECRET ??= 'integration-test-secret-auth-staff-security';

const data = useTestDatabase();
const db = () => data.db;
/** The staff's authenticator secret (base32), installed for the operator and the admin. */
const STAFF_TOTP_SECRET = 'PROVERKAVTOROGOFAKTORAKLYUCHAAAA';
/** A password from before the 12-character rule: it keeps working at login. */
const LEGACY_PASSWORD = 'Staryi-2019';

beforeAll(async () => {
  await createUtilityProfile(db());
  const passwordHash = await testPasswordHash();
  await createHousehold(db(), {
    account: { number: '50010001' },
    user: { email: 'ivanova@example.test', passwordHash: await hashPassword(LEGACY_PASSWORD) },
  });
  await createHousehold(db(), {
    account: { number: '50010002' },
    user: { email: 'petrov@example.test', passwordHash },
  });
  await createHousehold(db(), {
    account: { number: '50010003' },
    user: { email: 'sidorova@example.test', passwordHash },
  });
  const company = await createCompanyUser(db(), { user: { email: 'company@example.test', passwordHash } });
  for (const number of ['70020001', '70020002', '70020003']) {
    await createAccount(db(), { number, kind: 'company', companyId: company.companyId, residents: 0 });
  }
  const { installFactor } = await import('@/lib/auth/staff-factor');
  for (const [email, role] of [
    ['operator@example.test', 'operator'],
    ['admin@example.test', 'admin'],
  ] as const) {
    const staff = await createUser(db(), { email, role, passwordHash });
    await db().transaction((tx) => installFactor(tx, staff.id, STAFF_TOTP_SECRET, new Date()));
  }
});
const ctx = (ip = freshIp(150)) => ({ ip, origin: 'http://test.local' });

async function idOf(email: string): Promise<string> {
  return (await userByEmail(db(), email))!.id;
}

async function auditOf(action: string, subjectId?: string) {
  const rows = await db().select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);
  return subjectId ? rows.filter((r) => r.subjectId === subjectId) : rows;
}

describe('server-side sessions', () => {
  it('gives households 30 days with «запомнить меня», a browser session (12 h on the server) without, staff 12 h / 30 min idle', () => {
    expect(sessionPolicy('household', true)).toEqual({
      absoluteSeconds: 30 * 86400,
      idleSeconds: null,
      persistentCookie: true,
    });
    expect(sessionPolicy('household', false)).toEqual({
      absoluteSeconds: 12 * 3600,
      idleSeconds: null,
      persistentCookie: false,
    });
    expect(sessionPolicy('staff', true)).toEqual({
      absoluteSeconds: 12 * 3600,
      idleSeconds: 1800,
      persistentCookie: false,
    });
  });

  it('kills a cookie at logout: the same claims are alive before and dead after', async () => {
    const user = (await userByEmail(db(), 'ivanova@example.test'))!;
    const sid = await openSession({ userId: user.id, door: 'household', remember: true, secondFactor: false });
    const claims = { sid, uid: user.id, sv: user.sessionVersion };
    expect(await liveSession(claims)).toMatchObject({ id: sid, userId: user.id, door: 'household' });
    await endSession(sid);
    expect(await liveSession(claims)).toBeNull();
    expect(await db().select().from(sessions).where(eq(sessions.id, sid))).toHaveLength(0);
  });

  it('ends a household session at its absolute end and a staff session after 30 idle minutes', async () => {
    const household = (await userByEmail(db(), 'petrov@example.test'))!;
    const start = new Date();
    const sid = await openSession({
      userId: household.id,
      door: 'household',
      remember: false,
      secondFactor: false,
      now: start,
    });
    const claims = { sid, uid: household.id, sv: household.sessionVersion };
    expect(await liveSession(claims, shift(start, hours(11)))).not.toBeNull();
    expect(await liveSession(claims, shift(start, hours(12) + 1000))).toBeNull();

    const staff = (await userByEmail(db(), 'operator@example.test'))!;
    const staffSid = await openSession({
      userId: staff.id,
      door: 'staff',
      remember: false,
      secondFactor: true,
      now: start,
    });
    const staffClaims = { sid: staffSid, uid: staff.id, sv: staff.sessionVersion };
    // Used after 20 minutes (activity is recorded), then idle for 31: over.
    expect(await liveSession(staffClaims, shift(start, minutes(20)))).not.toBeNull();
    expect(await liveSession(staffClaims, shift(start, minutes(45)))).not.toBeNull();
    expect(await liveSession(staffClaims, shift(start, minutes(45 + 31)))).toBeNull();
  });

  it('refuses claims with an old session version, another user or junk', async () => {
    const user = (await userByEmail(db(), 'sidorova@example.test'))!;
    const sid = await openSession({ userId: user.id, door: 'household', remember: true, secondFactor: false });
    expect(await liveSession({ sid, uid: user.id, sv: user.sessionVersion + 1 })).toBeNull();
    expect(await liveSession({ sid, uid: await idOf('petrov@example.test'), sv: user.sessionVersion })).toBeNull();
    expect(await liveSession({ sid: 'not-a-uuid', uid: user.id, sv: user.sessionVersion })).toBeNull();
    expect(await liveSession({ uid: user.id, sv: user.sessionVersion })).toBeNull();
  });

  it('a password change ends every other session of the user and keeps the one that changed it', async () => {
    const user = await sessionUser(db(), 'sidorova@example.test');
    const mine = await openSession({ userId: user.id, door: 'household', remember: true, secondFactor: false });
    const other = await openSession({ userId: user.id, door: 'household', remember: true, secondFactor: false });
    const result = await changePassword(
      user,
      { currentPassword: TEST_PASSWORD, password: 'Novaya-fraza-dlya-Olgi' },
      { ...ctx(), keepSessionId: mine },
    );
    expect(result.ok).toBe(true);
    const left = await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((r) => r.id)).toEqual([mine]);
    expect(other).not.toBe(mine);
  });
});

describe('passwords', () => {
  it('asks for at least 12 characters and refuses passwords from the bundled list of common ones', async () => {
    expect((await newPassword.safeParseAsync('Korotkiy-1')).success).toBe(false);
    for (const common of ['qwerty123456', 'password1234', '123456789012', 'Qwertyuiop123']) {
      const parsed = await newPassword.safeParseAsync(common);
      expect(parsed.success, common).toBe(false);
    }
    expect((await newPassword.safeParseAsync('Tikhaya-reka-2026')).success).toBe(true);
    const { dictionary } = await import('@zxcvbn-ts/language-common');
    expect((dictionary['passwords-common'] as string[]).length).toBeGreaterThanOrEqual(10_000);
  });

  it('existing (shorter) passwords keep working at login', async () => {
    expect(LEGACY_PASSWORD.length).toBeLessThan(12);
    const outcome = await authenticate({
      door: 'household',
      login: '50010001',
      password: LEGACY_PASSWORD,
      ip: freshIp(151),
    });
    expect(outcome.ok).toBe(true);
  });

  it('limits current-password checks per user', async () => {
    await clearOfWindowEdge(PASSWORD_CHECKS_PER_USER.windowSeconds);
    const user = await sessionUser(db(), 'company@example.test');
    const answers = [];
    for (let i = 0; i <= PASSWORD_CHECKS_PER_USER.limit; i++) {
      answers.push(await requestEmailChange(user, { newEmail: 'x@example.ru', currentPassword: `wrong-${i}` }, ctx()));
    }
    expect(answers.at(-1)).toMatchObject({ ok: false, message: expect.stringMatching(/Слишком много попыток/) });
    // Even the right password is refused until the window passes.
    const right = await requestEmailChange(user, { newEmail: 'x@example.ru', currentPassword: TEST_PASSWORD }, ctx());
    expect(right).toMatchObject({ ok: false, message: expect.stringMatching(/Слишком много попыток/) });
  });

  it('counts login failures per resolved user across every alias of a company user', async () => {
    await clearOfWindowEdge(LOGIN_PER_USER.windowSeconds, 30_000);
    const aliases = ['company@example.test', '70020001', '70020002', '70020003'];
    const outcomes = [];
    for (let i = 0; i < LOGIN_PER_USER.limit + 1; i++) {
      outcomes.push(
        await authenticate({
          door: 'company',
          login: aliases[i % aliases.length]!,
          password: `guess-${i}`,
          ip: freshIp(152),
        }),
      );
    }
    expect(outcomes.at(-1)).toEqual({ ok: false, reason: 'rate_limited' });
  });
});

describe('the e-mail change dies with a password reset', () => {
  it('clears the pending address and uses up its token', async () => {
    const user = await sessionUser(db(), 'petrov@example.test');
    const asked = await requestEmailChange(
      user,
      { newEmail: 'attacker@example.net', currentPassword: TEST_PASSWORD },
      ctx(),
    );
    expect(asked.ok).toBe(true);
    expect((await userByEmail(db(), user.email))!.pendingEmail).toBe('attacker@example.net');
    await requestPasswordReset(user.email, ctx());
    const token = await tokenFromLatestLetter(db(), user.email);
    expect((await completePasswordReset(token, 'Petrov-vosstanovil-2026', ctx())).ok).toBe(true);
    expect((await userByEmail(db(), user.email))!.pendingEmail).toBeNull();
    const open = await db()
      .select()
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, user.id), sql`${oneTimeTokens.usedAt} is null`));
    expect(open).toEqual([]);
  });

  it('sends staff no reset letter: staff recover through an admin', async () => {
    const before = await db()
      .select()
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.userId, await idOf('operator@example.test')));
    await requestPasswordReset('operator@example.test', ctx());
    const after = await db()
      .select()
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.userId, await idOf('operator@example.test')));
    expect(after).toHaveLength(before.length);
  });
});

describe('staff second factor', () => {
  it('is required: no code, a wrong code and a replayed code are refused and audited; the right code passes', async () => {
    const id = await idOf('admin@example.test');
    const ip = freshIp(153);
    expect(await staffSecondStep(id, '', ip)).toEqual({ ok: false, reason: 'code_required' });
    const code = totpCode(STAFF_TOTP_SECRET);
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await staffSecondStep(id, wrong, ip)).toEqual({ ok: false, reason: 'code_invalid' });
    expect(await staffSecondStep(id, code, ip)).toEqual({ ok: true, passed: true });
    expect(await staffSecondStep(id, code, ip)).toEqual({ ok: false, reason: 'code_invalid' });
    const failures = await auditOf('staff.second_factor_failed', id);
    expect(failures.map((f) => (f.details as { reason: string }).reason)).toEqual(['wrong_code', 'reused_code']);
  });

  it('stores the secret sealed, and ten recovery codes only as hashes; a recovery code works once', async () => {
    const staff = await createStaff(
      { id: await idOf('admin@example.test') },
      { email: 'new.operator@example.com', fullName: 'Новикова Анна', role: 'operator' },
      ctx(),
    );
    expect(staff.ok).toBe(true);
    if (!staff.ok) return;
    // No factor yet: the password alone opens only the enrolment page.
    expect(await staffSecondStep(staff.userId, '', freshIp(153))).toEqual({ ok: true, passed: false });
    const secret = (await pendingEnrolmentSecret(staff.userId))!;
    const [row] = await db().select().from(staffTotp).where(eq(staffTotp.userId, staff.userId));
    expect(row!.secretSealed).not.toContain(secret);
    const sid = await openSession({ userId: staff.userId, door: 'staff', remember: false, secondFactor: false });
    expect((await confirmEnrolment({ id: staff.userId }, sid, '000000', ctx())).ok).toBe(false);
    const enrolled = await confirmEnrolment({ id: staff.userId }, sid, totpCode(secret), ctx());
    expect(enrolled.ok).toBe(true);
    if (!enrolled.ok) return;
    expect(enrolled.recoveryCodes).toHaveLength(10);
    const [session] = await db().select().from(sessions).where(eq(sessions.id, sid));
    expect(session!.secondFactorAt).not.toBeNull();
    const stored = await db().select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, staff.userId));
    expect(stored).toHaveLength(10);
    for (const code of enrolled.recoveryCodes) expect(stored.some((s) => s.codeHash.includes(code))).toBe(false);

    const recovery = enrolled.recoveryCodes[3]!;
    expect(await staffSecondStep(staff.userId, recovery.toUpperCase(), freshIp(153))).toEqual({
      ok: true,
      passed: true,
    });
    expect(await staffSecondStep(staff.userId, recovery, freshIp(153))).toEqual({ ok: false, reason: 'code_invalid' });
    const failures = await auditOf('staff.second_factor_failed', staff.userId);
    expect(failures.map((f) => (f.details as { reason?: string }).reason)).toContain('reused_recovery_code');
    expect(await auditOf('staff.recovery_code_used', staff.userId)).toHaveLength(1);
  });

  it('stops guessing after a few wrong codes, even with the password known', async () => {
    await clearOfWindowEdge(SECOND_FACTOR_FAILURES.windowSeconds);
    const id = await idOf('operator@example.test');
    for (let i = 0; i < SECOND_FACTOR_FAILURES.limit; i++) await staffSecondStep(id, '999999', freshIp(154));
    expect(await staffSecondStep(id, totpCode(STAFF_TOTP_SECRET, Date.now() + 30_000), freshIp(154))).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
  });

  it('an admin reset removes the factor and codes, ends every session and bumps the session version', async () => {
    const admin = { id: await idOf('admin@example.test') };
    const created = await createStaff(
      admin,
      { email: 'reset.me@example.com', fullName: 'Сбросов Иван', role: 'operator' },
      ctx(),
    );
    if (!created.ok) throw new Error(created.message);
    await db().transaction(async (tx) => {
      const { installFactor } = await import('@/lib/auth/staff-factor');
      await installFactor(tx, created.userId, STAFF_TOTP_SECRET, new Date());
    });
    const before = (await userByEmail(db(), 'reset.me@example.com'))!;
    const sid = await openSession({ userId: before.id, door: 'staff', remember: false, secondFactor: true });
    const reset = await resetStaff(admin, before.id, ctx());
    expect(reset.ok).toBe(true);
    expect(await db().select().from(staffTotp).where(eq(staffTotp.userId, before.id))).toEqual([]);
    expect(await db().select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, before.id))).toEqual([]);
    expect(await db().select().from(sessions).where(eq(sessions.id, sid))).toEqual([]);
    expect((await userByEmail(db(), 'reset.me@example.com'))!.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await auditOf('staff.reset', before.id)).toHaveLength(1);
    expect((await resetStaff(admin, admin.id, ctx())).ok).toBe(false);
  });
});

describe('refunds above the threshold', () => {
  async function paidPayment(amountKopecks: number) {
    const [account] = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.number, '50010003'));
    const [p] = await db()
      .insert(payments)
      .values({
        accountId: account!.id,
        amountKopecks,
        status: 'paid',
        gateway: 'sandbox',
        description: 'Оплата электроэнергии',
        paidAt: new Date(),
      })
      .returning();
    await db().insert(ledgerEntries).values({
      accountId: account!.id,
      kind: 'payment',
      amountKopecks: -amountKopecks,
      paymentId: p!.id,
      description: 'Оплата',
      postedAt: new Date(),
    });
    return p!;
  }

  it('waits for a second staff member; the requester cannot approve; another one does', async () => {
    const operator = { id: await idOf('operator@example.test') };
    const admin = { id: await idOf('admin@example.test') };
    const payment = await paidPayment(15_000_00);
    const asked = await refundOrRequestApproval(
      operator,
      { paymentId: payment.id, amount: 12_000_00, reason: 'Ошибочный платёж' },
      ctx(),
    );
    expect(asked).toMatchObject({ ok: true, refundId: null });
    if (!asked.ok) return;
    expect(await db().select().from(refunds).where(eq(refunds.paymentId, payment.id))).toEqual([]);

    const own = await approveRefundRequest(operator, asked.requestId!, ctx());
    expect(own).toMatchObject({ ok: false, message: expect.stringMatching(/Свой запрос/) });
    // The database itself refuses the requester as approver.
    await expect(
      db()
        .update(refundRequests)
        .set({ status: 'declined', decidedBy: operator.id })
        .where(eq(refundRequests.id, asked.requestId!)),
    ).rejects.toThrow();

    const approved = await approveRefundRequest(admin, asked.requestId!, ctx());
    expect(approved.ok).toBe(true);
    const made = await db().select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ amountKopecks: 12_000_00, createdBy: admin.id });
    const [request] = await db().select().from(refundRequests).where(eq(refundRequests.id, asked.requestId!));
    expect(request).toMatchObject({ status: 'approved', decidedBy: admin.id, refundId: made[0]!.id });
    expect(await auditOf('refund.approval_requested', payment.id)).toHaveLength(1);
    expect(await auditOf('refund.approved', payment.id)).toHaveLength(1);
    // A second approval of the same request does nothing.
    expect((await approveRefundRequest(admin, asked.requestId!, ctx())).ok).toBe(false);
  });

  it('refunds up to the threshold at once, and a declined request refunds nothing', async () => {
    const operator = { id: await idOf('operator@example.test') };
    const admin = { id: await idOf('admin@example.test') };
    const payment = await paidPayment(30_000_00);
    const small = await refundOrRequestApproval(
      operator,
      { paymentId: payment.id, amount: 10_000_00, reason: 'Переплата' },
      ctx(),
    );
    expect(small).toMatchObject({ ok: true, requestId: null });
    const big = await refundOrRequestApproval(
      operator,
      { paymentId: payment.id, amount: 15_000_00, reason: 'Переплата' },
      ctx(),
    );
    if (!big.ok) throw new Error(big.message);
    // What waits counts against what is left.
    const tooMuch = await refundOrRequestApproval(
      operator,
      { paymentId: payment.id, amount: 10_000_01, reason: 'Переплата' },
      ctx(),
    );
    expect(tooMuch.ok).toBe(false);
    expect((await declineRefundRequest(admin, big.requestId!, ctx())).ok).toBe(true);
    expect(await db().select().from(refunds).where(eq(refunds.paymentId, payment.id))).toHaveLength(1);
  });
});

describe('the audit log', () => {
  it('is append-only: a line cannot be changed or removed', async () => {
    const [line] = await db().select().from(auditLog).limit(1);
    await expect(db().update(auditLog).set({ action: 'forged' }).where(eq(auditLog.id, line!.id))).rejects.toThrow();
    await expect(db().delete(auditLog).where(eq(auditLog.id, line!.id))).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it('keeps the actor id after the user is deleted', async () => {
    const created = await createStaff(
      { id: await idOf('admin@example.test') },
      { email: 'leaver@example.com', fullName: 'Уходящий Сотрудник', role: 'operator' },
      ctx(),
    );
    if (!created.ok) throw new Error(created.message);
    await db().insert(auditLog).values({ action: 'login.success', actorUserId: created.userId });
    await db().delete(users).where(eq(users.id, created.userId));
    const kept = await db().select().from(auditLog).where(eq(auditLog.actorUserId, created.userId));
    expect(kept).toHaveLength(1);
  });
});

describe('first start', () => {
  it('is «not set up» on an empty database, and set up after the set-up command', async () => {
    const empty = await createTestDatabase();
    const restore = useAsGlobalDb(empty.handle);
    try {
      (globalThis as { __energoSetUp?: boolean }).__energoSetUp = undefined;
      expect(await isPortalSetUp()).toBe(false);
      const outcome = await setUpPortal(empty.db, {
        profile: {
          fullName: 'МУП «Тестовые сети»',
          shortName: 'Тестовые сети',
          inn: '5017012349',
          kpp: '501701001',
          ogrn: '1025001801230',
          legalAddress: 'г. Тест, ул. Первая, д. 1',
          email: 'info@test.example',
          mainPhone: '8-000-000-00-00',
          emergencyPhone: '112',
          bankName: 'Банк',
          bik: '044525225',
          correspondentAccount: '30101810400000000225',
          settlementAccount: '40702810640000012345',
        },
        admin: { email: 'first.admin@test.example', fullName: 'Первый Админ' },
      });
      expect(outcome.profileCreated).toBe(true);
      expect(outcome.admin.recoveryCodes).toHaveLength(10);
      expect(outcome.admin.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      expect(await isPortalSetUp()).toBe(true);
      const [admin] = await empty.db.select().from(users).where(eq(users.email, 'first.admin@test.example'));
      expect(admin).toMatchObject({ role: 'admin', status: 'active' });
      const login = await authenticate({
        door: 'staff',
        login: 'first.admin@test.example',
        password: outcome.admin.temporaryPassword,
        ip: freshIp(155),
      });
      expect(login.ok).toBe(true);
      expect(await staffSecondStep(admin!.id, '', freshIp(155))).toEqual({ ok: false, reason: 'code_required' });
      expect(await staffSecondStep(admin!.id, totpCode(outcome.admin.totpSecret), freshIp(155))).toEqual({
        ok: true,
        passed: true,
      });
    } finally {
      restore();
      await empty.drop();
    }
  });
});
