// Password recovery (lib/auth/recovery.ts): the letter, the link, and what completing it does.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cardBindings } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { completePasswordReset, requestPasswordReset, RESET_PER_EMAIL } from '@/lib/auth/recovery';
import { hashToken, issueToken, TOKEN_LIFETIME_MS } from '@/lib/auth/tokens';
import {
  auditRows,
  ctx,
  footprint,
  freshIp,
  hours,
  minutes,
  NEW_PASSWORD,
  outboxFor,
  shift,
  TEST_ORIGIN,
  tokenFromLatestLetter,
  tokensOf,
  userByEmail,
  userById,
} from '../support/auth-fixtures';
import { createHousehold, insertUser, TEST_PASSWORD, testPasswordHash } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const now = new Date();
const t = useTestDatabase();
const db = () => t.db;
const ip = () => freshIp(130);

let knownHash: string;
/** Households whose owners log in with `TEST_PASSWORD`; the tests read their rows afresh. */
let ivanovaHome: { number: string; email: string };
let petrovEmail: string;
let sidorovaEmail: string;
beforeAll(async () => {
  knownHash = await testPasswordHash();
  const [ivanova, petrov, sidorova] = await Promise.all(
    [1, 2, 3].map(() => createHousehold(db(), { user: { passwordHash: knownHash } })),
  );
  ivanovaHome = { number: ivanova!.number, email: ivanova!.user.email };
  petrovEmail = petrov!.user.email;
  sidorovaEmail = sidorova!.user.email;
});

async function bindCard(userId: string, token: string) {
  const [row] = await db()
    .insert(cardBindings)
    .values({ userId, purpose: 'electricity', gateway: 'sandbox', token, cardMask: '•••• 4242' })
    .returning();
  return row!;
}

const cardsOf = (userId: string) => db().select().from(cardBindings).where(eq(cardBindings.userId, userId));

describe('requestPasswordReset', () => {
  it('does nothing for an unknown address, and says so by resolving like any other request', async () => {
    const before = await footprint(db());
    await expect(requestPasswordReset('nobody@example.net', ctx(ip(), now))).resolves.toBeUndefined();
    expect(await footprint(db())).toStrictEqual(before);
    expect(await outboxFor(db(), 'nobody@example.net')).toEqual([]);
  });

  it.each(['rejected', 'blocked'] as const)('sends no link to a %s user', async (status) => {
    const user = await insertUser(db(), { email: `reset.${status}@example.ru`, passwordHash: knownHash, status });
    await expect(requestPasswordReset(`reset.${status}@example.ru`, ctx(ip(), now))).resolves.toBeUndefined();
    expect(await tokensOf(db(), user.id)).toEqual([]);
    expect(await outboxFor(db(), user.email)).toEqual([]);
  });

  it('sends a known address one single-use link to /fiz/password/new; a newer request voids the older link', async () => {
    const ivanova = (await userByEmail(db(), ivanovaHome.email))!;
    await expect(requestPasswordReset(ivanovaHome.email, ctx(ip(), now))).resolves.toBeUndefined();

    let tokens = await tokensOf(db(), ivanova.id, 'password_reset');
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ usedAt: null });
    expect(tokens[0]!.expiresAt.getTime()).toBe(now.getTime() + TOKEN_LIFETIME_MS.password_reset);
    const letters = await outboxFor(db(), ivanovaHome.email);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ template: 'password_reset', toAddress: ivanovaHome.email });
    expect(letters[0]!.text).toContain(`${TEST_ORIGIN}/fiz/password/new?token=`);
    const first = await tokenFromLatestLetter(db(), ivanovaHome.email);
    expect(hashToken(first)).toBe(tokens[0]!.tokenHash);
    expect((await auditRows(db(), 'password.reset_requested')).filter((r) => r.subjectId === ivanova.id)).toHaveLength(
      1,
    );

    const later = shift(now, minutes(5));
    await requestPasswordReset(ivanovaHome.email, ctx(ip(), later));
    tokens = await tokensOf(db(), ivanova.id, 'password_reset');
    expect(tokens).toHaveLength(2);
    expect(tokens.find((t) => t.tokenHash === hashToken(first))!.usedAt?.getTime()).toBe(later.getTime());
    const second = await tokenFromLatestLetter(db(), ivanovaHome.email);
    expect(second).not.toBe(first);
    expect(tokens.find((t) => t.tokenHash === hashToken(second))!.usedAt).toBeNull();

    // The voided link changes nothing.
    expect(await completePasswordReset(first, NEW_PASSWORD, ctx(ip(), later))).toStrictEqual({ ok: false });
    expect((await userById(db(), ivanova.id))!.passwordHash).toBe(ivanova.passwordHash);
  });

  it(`caps letters at ${RESET_PER_EMAIL.limit} an hour per address, answering every request the same way`, async () => {
    const petrov = (await userByEmail(db(), petrovEmail))!;
    // An hour window of its own, far from the other tests' requests.
    const at = shift(now, hours(10));
    const answers = [];
    for (let i = 0; i < RESET_PER_EMAIL.limit + 2; i++)
      answers.push(await requestPasswordReset(petrovEmail, ctx(ip(), at)));
    expect(answers).toStrictEqual(Array.from({ length: RESET_PER_EMAIL.limit + 2 }, () => undefined));
    expect((await outboxFor(db(), petrovEmail)).filter((l) => l.template === 'password_reset')).toHaveLength(
      RESET_PER_EMAIL.limit,
    );
    expect(await tokensOf(db(), petrov.id, 'password_reset')).toHaveLength(RESET_PER_EMAIL.limit);
  });
});

describe('completePasswordReset', () => {
  it('sets the new password, ends every session and removes every bound card of that user only', async () => {
    const ivanova = (await userByEmail(db(), ivanovaHome.email))!;
    const sidorova = (await userByEmail(db(), sidorovaEmail))!;
    await bindCard(ivanova.id, 'sandbox-card-1');
    await bindCard(ivanova.id, 'sandbox-card-2');
    const othersCard = await bindCard(sidorova.id, 'sandbox-card-3');
    const token = await tokenFromLatestLetter(db(), ivanovaHome.email);
    const at = shift(now, minutes(10));

    expect(await completePasswordReset(token, NEW_PASSWORD, ctx(ip(), at))).toStrictEqual({
      ok: true,
      cardsRemoved: 2,
    });

    const after = (await userById(db(), ivanova.id))!;
    expect(after.sessionVersion).toBe(ivanova.sessionVersion + 1);
    expect(after.passwordHash).not.toBe(ivanova.passwordHash);
    expect(await cardsOf(ivanova.id)).toEqual([]);
    expect(await cardsOf(sidorova.id)).toEqual([othersCard]);
    expect((await userById(db(), sidorova.id))!.sessionVersion).toBe(sidorova.sessionVersion);

    expect((await outboxFor(db(), ivanovaHome.email)).at(-1)).toMatchObject({ template: 'password_changed' });
    const [audit] = (await auditRows(db(), 'password.reset_completed')).filter((r) => r.subjectId === ivanova.id);
    expect(audit).toMatchObject({ actorUserId: ivanova.id, details: { cardBindingsRemoved: 2 } });

    expect(
      await authenticate({ door: 'household', login: ivanovaHome.number, password: NEW_PASSWORD, ip: ip() }),
    ).toMatchObject({
      ok: true,
      user: { id: ivanova.id, sessionVersion: ivanova.sessionVersion + 1 },
    });
    expect(
      await authenticate({ door: 'household', login: ivanovaHome.number, password: TEST_PASSWORD, ip: ip() }),
    ).toStrictEqual({
      ok: false,
      reason: 'invalid',
    });

    // The link works once.
    await bindCard(ivanova.id, 'sandbox-card-4');
    expect(await completePasswordReset(token, 'Sovsem-drugoi-parol-1', ctx(ip(), shift(at, minutes(1))))).toStrictEqual(
      { ok: false },
    );
    const unchanged = (await userById(db(), ivanova.id))!;
    expect(unchanged.passwordHash).toBe(after.passwordHash);
    expect(unchanged.sessionVersion).toBe(after.sessionVersion);
    expect(await cardsOf(ivanova.id)).toHaveLength(1);
  });

  it('refuses a link opened after its hour and changes nothing', async () => {
    const user = await insertUser(db(), { email: 'slow.reader@example.ru', passwordHash: knownHash });
    await bindCard(user.id, 'sandbox-card-slow');
    await requestPasswordReset('slow.reader@example.ru', ctx(ip(), now));
    const token = await tokenFromLatestLetter(db(), 'slow.reader@example.ru');
    const before = await footprint(db());

    expect(await completePasswordReset(token, NEW_PASSWORD, ctx(ip(), shift(now, minutes(61))))).toStrictEqual({
      ok: false,
    });
    expect(await userById(db(), user.id)).toStrictEqual(user);
    expect(await cardsOf(user.id)).toHaveLength(1);
    expect((await tokensOf(db(), user.id, 'password_reset'))[0]!.usedAt).toBeNull();
    expect(await footprint(db())).toStrictEqual(before);
  });

  it('refuses a malformed token and a token of another purpose', async () => {
    const sidorova = (await userByEmail(db(), sidorovaEmail))!;
    const confirmToken = await issueToken(db(), { userId: sidorova.id, purpose: 'email_confirm', now });
    const before = await footprint(db());
    expect(await completePasswordReset(confirmToken, NEW_PASSWORD, ctx(ip(), now))).toStrictEqual({ ok: false });
    expect(await userById(db(), sidorova.id)).toStrictEqual(sidorova);
    expect(await completePasswordReset('', NEW_PASSWORD, ctx(ip(), now))).toStrictEqual({ ok: false });
    expect(await completePasswordReset('../../etc/passwd', NEW_PASSWORD, ctx(ip(), now))).toStrictEqual({ ok: false });
    expect(await footprint(db())).toStrictEqual(before);
  });
});
