// The three login doors (lib/auth/authenticate.ts) against users built for it, on a real database.
// authenticate() reads the wall clock for its rate-limit windows; clearOfWindowEdge keeps a
// test's attempts inside one window.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog } from '@/db/schema';
import { authenticate, LOGIN_PER_IP, LOGIN_PER_NAME, type LoginOutcome } from '@/lib/auth/authenticate';
import type { LoginDoor } from '@/lib/auth/login-doors';
import { pseudonym } from '@/lib/security/pseudonym';
import type { SessionUser } from '@/lib/auth/session';
import { clearOfWindowEdge, freshIp, rateLimitHits, userByEmail } from '../support/auth-fixtures';
import {
  createAccount,
  createCompanyUser,
  createHousehold,
  createUser,
  insertUser,
  TEST_PASSWORD,
  testPasswordHash,
} from '../support/factories';
import { useTestDatabase } from '../support/test-db';

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const t = useTestDatabase();
const db = () => t.db;
const WRONG = 'Proverka-vhoda-2025';

type Household = { number: string; user: SessionUser };
let ivanova: Household;
let petrov: Household;
let sidorova: Household;
let company: { numbers: string[]; user: SessionUser };
let operator: SessionUser;
/** A household account nobody has registered. */
let unclaimedNumber: string;
let knownHash: string;

const household = () => createHousehold(db(), { user: { passwordHash: knownHash } });

beforeAll(async () => {
  knownHash = await testPasswordHash();
  ivanova = await household();
  petrov = await household();
  sidorova = await household();
  const owner = await createCompanyUser(db(), { user: { passwordHash: knownHash } });
  const numbers: string[] = [];
  for (let i = 0; i < 2; i++)
    numbers.push((await createAccount(db(), { kind: 'company', companyId: owner.companyId })).number);
  company = { numbers, user: owner.user };
  operator = await createUser(db(), { role: 'operator', passwordHash: knownHash });
  unclaimedNumber = (await createAccount(db())).number;
});

function login(door: LoginDoor, name: string, password: string, ip = freshIp(200)): Promise<LoginOutcome> {
  return authenticate({ door, login: name, password, ip });
}

/** Audit rows written for one client address. */
async function auditFor(ip: string) {
  return db()
    .select()
    .from(auditLog)
    .where(sql`host(${auditLog.ip}) = ${ip}`)
    .orderBy(auditLog.id);
}

describe('authenticate: who gets in', () => {
  const dashed = (n: string) => ` ${n.slice(0, 4)}-${n.slice(4)} `;
  const mixedCase = (email: string) =>
    `${email[0]!.toUpperCase()}${email.slice(1, -4)}${email.slice(-4).toUpperCase()} `;
  it.each([
    ['household', 'the account number', 'subscriber', () => ivanova.number, () => ivanova.user],
    [
      'household',
      'the account number with a dash and spaces',
      'subscriber',
      () => dashed(petrov.number),
      () => petrov.user,
    ],
    [
      'household',
      'the e-mail in another case, with a space',
      'subscriber',
      () => mixedCase(sidorova.user.email),
      () => sidorova.user,
    ],
    ['company', 'the e-mail', 'company_user', () => company.user.email, () => company.user],
    ['company', 'the second account number', 'company_user', () => company.numbers[1]!, () => company.user],
    ['staff', 'the e-mail in capitals', 'operator', () => operator.email.toUpperCase(), () => operator],
  ] as const)('%s door, login by %s → %s', async (kind, _, role, name, user) => {
    const expected = (await userByEmail(db(), user().email))!;
    const outcome = await login(kind, name(), TEST_PASSWORD);
    expect(outcome).toStrictEqual({
      ok: true,
      user: {
        id: expected.id,
        fullName: expected.fullName,
        email: expected.email,
        role,
        sessionVersion: expected.sessionVersion,
      },
    });
  });

  it.each([
    ['a staff password at the household door', 'household', () => operator.email],
    ['a household login at the staff door', 'staff', () => ivanova.user.email],
    ['a household number at the staff door', 'staff', () => ivanova.number],
    ['a company e-mail at the household door', 'household', () => company.user.email],
    ['a company account number at the household door', 'household', () => company.numbers[0]!],
    ['a household number at the company door', 'company', () => ivanova.number],
    ['a household number with no user', 'household', () => unclaimedNumber],
  ] as const)('refuses %s like a wrong password', async (_, kind, name) => {
    expect(await login(kind, name(), TEST_PASSWORD)).toStrictEqual({ ok: false, reason: 'invalid' });
  });

  it('answers an unknown login and a wrong password the same way, and audits both', async () => {
    const ipUnknown = freshIp(200);
    const ipWrong = freshIp(200);
    const unknown = await login('household', 'nobody@example.net', TEST_PASSWORD, ipUnknown);
    const wrong = await login('household', petrov.user.email, WRONG, ipWrong);
    expect(unknown).toStrictEqual({ ok: false, reason: 'invalid' });
    expect(wrong).toStrictEqual(unknown);

    expect(await auditFor(ipUnknown)).toMatchObject([
      {
        action: 'login.failure',
        actorUserId: null,
        // What was typed is kept only as a keyed pseudonym (it is often a mistyped password).
        details: { door: 'household', loginHash: pseudonym('nobody@example.net'), reason: 'invalid' },
      },
    ]);
    expect(JSON.stringify(await auditFor(ipUnknown))).not.toContain('nobody@example.net');
    expect(pseudonym('nobody@example.net')).toMatch(/^[0-9a-f]{16}$/);
    expect(await auditFor(ipWrong)).toMatchObject([
      {
        action: 'login.failure',
        actorUserId: petrov.user.id,
        subjectId: petrov.user.id,
        details: { door: 'household', reason: 'invalid' },
      },
    ]);
    // The audit row never holds the password that was typed.
    const rows = [...(await auditFor(ipUnknown)), ...(await auditFor(ipWrong))];
    expect(JSON.stringify(rows)).not.toContain(TEST_PASSWORD);
    expect(JSON.stringify(rows)).not.toContain(WRONG);
  });

  it('audits a success with the user and the door', async () => {
    const ip = freshIp(200);
    expect(await login('household', ivanova.number, TEST_PASSWORD, ip)).toMatchObject({ ok: true });
    expect(await auditFor(ip)).toMatchObject([
      {
        action: 'login.success',
        actorUserId: ivanova.user.id,
        subjectType: 'user',
        subjectId: ivanova.user.id,
        ip,
        details: { door: 'household' },
      },
    ]);
  });
});

describe('authenticate: account states', () => {
  it.each(['email_unconfirmed', 'awaiting_approval', 'rejected', 'blocked'] as const)(
    'reports %s only to someone who knows the password',
    async (status) => {
      const user = await insertUser(db(), { email: `state.${status}@example.ru`, passwordHash: knownHash, status });
      const ipRight = freshIp(200);
      expect(await login('household', `state.${status}@example.ru`, TEST_PASSWORD, ipRight)).toStrictEqual({
        ok: false,
        reason: status,
      });
      expect(await login('household', `state.${status}@example.ru`, WRONG)).toStrictEqual({
        ok: false,
        reason: 'invalid',
      });
      expect(await auditFor(ipRight)).toMatchObject([
        { action: 'login.failure', actorUserId: user.id, details: { reason: status } },
      ]);
    },
  );
});

describe('authenticate: rate limits', () => {
  it(`refuses the attempt after ${LOGIN_PER_NAME.limit} failures for one name, even with the right password`, async () => {
    await clearOfWindowEdge(LOGIN_PER_NAME.windowSeconds);
    await insertUser(db(), { email: 'guessed@example.ru', passwordHash: knownHash });
    for (let i = 0; i < LOGIN_PER_NAME.limit; i++) {
      expect(await login('household', 'guessed@example.ru', `${WRONG}-${i}`)).toStrictEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    const ip = freshIp(200);
    expect(await login('household', 'guessed@example.ru', TEST_PASSWORD, ip)).toStrictEqual({
      ok: false,
      reason: 'rate_limited',
    });
    // Also when the name is typed differently, and from yet another address.
    expect(await login('household', ' GUESSED@example.ru', TEST_PASSWORD)).toStrictEqual({
      ok: false,
      reason: 'rate_limited',
    });
    expect(await auditFor(ip)).toMatchObject([
      { action: 'login.rate_limited', details: { door: 'household', loginHash: pseudonym('guessed@example.ru') } },
    ]);
    expect(JSON.stringify(await auditFor(ip))).not.toContain('guessed@example.ru');
    // The count is per door: the same name at another door is still checked (and fails as unknown there).
    expect(await login('staff', 'guessed@example.ru', TEST_PASSWORD)).toStrictEqual({ ok: false, reason: 'invalid' });
  });

  it('clears the count for a name on a successful login', async () => {
    await clearOfWindowEdge(LOGIN_PER_NAME.windowSeconds);
    await insertUser(db(), { email: 'typo.prone@example.ru', passwordHash: knownHash });
    const key = 'login:name:household:typo.prone@example.ru';
    for (let i = 0; i < LOGIN_PER_NAME.limit - 1; i++) {
      expect(await login('household', 'typo.prone@example.ru', WRONG)).toMatchObject({ reason: 'invalid' });
    }
    expect(await rateLimitHits(db(), key)).toBe(LOGIN_PER_NAME.limit - 1);
    expect(await login('household', 'typo.prone@example.ru', TEST_PASSWORD)).toMatchObject({ ok: true });
    expect(await rateLimitHits(db(), key)).toBe(0);

    // A full allowance again: the limit's worth of typos are still checked, only the next is refused.
    for (let i = 0; i < LOGIN_PER_NAME.limit; i++) {
      expect(await login('household', 'typo.prone@example.ru', WRONG)).toStrictEqual({ ok: false, reason: 'invalid' });
    }
    expect(await login('household', 'typo.prone@example.ru', TEST_PASSWORD)).toStrictEqual({
      ok: false,
      reason: 'rate_limited',
    });
  });

  it(`refuses an address after ${LOGIN_PER_IP.limit} attempts, whatever the names`, async () => {
    await clearOfWindowEdge(LOGIN_PER_IP.windowSeconds);
    const ip = freshIp(200);
    const outcomes = await Promise.all(
      Array.from({ length: LOGIN_PER_IP.limit }, (_, i) => login('household', `spray${i}@example.net`, WRONG, ip)),
    );
    expect(outcomes.every((o) => !o.ok && o.reason === 'invalid')).toBe(true);
    expect(await rateLimitHits(db(), `login:ip:${ip}`)).toBe(LOGIN_PER_IP.limit);

    // A real user with the right password, from that address: refused; from another: let in.
    expect(await login('household', sidorova.user.email, TEST_PASSWORD, ip)).toStrictEqual({
      ok: false,
      reason: 'rate_limited',
    });
    expect(await login('household', sidorova.user.email, TEST_PASSWORD)).toMatchObject({ ok: true });
  });

  it(`lets at most ${LOGIN_PER_NAME.limit} of 20 simultaneous guesses for one name reach the password check`, async () => {
    await clearOfWindowEdge(LOGIN_PER_NAME.windowSeconds);
    const target = await insertUser(db(), { email: 'burst.target@example.ru', passwordHash: knownHash });
    const ip = freshIp(200);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login('household', 'burst.target@example.ru', `${WRONG}-${i}`, ip)),
    );
    const reasons = outcomes.map((o) => (o.ok ? 'ok' : o.reason));
    const checked = reasons.filter((r) => r === 'invalid').length;
    expect(checked).toBeLessThanOrEqual(LOGIN_PER_NAME.limit);
    expect(checked).toBe(LOGIN_PER_NAME.limit);
    expect(reasons.filter((r) => r === 'rate_limited')).toHaveLength(20 - checked);
    expect(await rateLimitHits(db(), 'login:name:household:burst.target@example.ru')).toBe(20);

    // What reached the password check left a failure row naming the user; the rest only a rate_limited row.
    const failures = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login.failure'), eq(auditLog.subjectId, target.id)));
    expect(failures).toHaveLength(checked);
    const limited = (await auditFor(ip)).filter((r) => r.action === 'login.rate_limited');
    expect(limited).toHaveLength(20 - checked);
  });
});

describe('authenticate: client addresses the audit cannot store', () => {
  it('records no address for «unknown» (what clientIp() returns for a forged header) and still answers', async () => {
    const before = await db().select({ id: auditLog.id }).from(auditLog);
    expect(await login('household', 'nobody.at.all@example.net', WRONG, 'unknown')).toStrictEqual({
      ok: false,
      reason: 'invalid',
    });
    const [row] = await db()
      .select()
      .from(auditLog)
      .where(sql`${auditLog.id} > ${Math.max(0, ...before.map((r) => r.id))}`);
    expect(row).toMatchObject({ action: 'login.failure', ip: null });
  });

  // Regression: a junk but IP-looking address once reached the inet column and made audit() throw.
  it('answers a login from a malformed but IP-looking address instead of throwing', async () => {
    await expect(login('household', 'nobody.either@example.net', WRONG, '999.0.0.1')).resolves.toStrictEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});
