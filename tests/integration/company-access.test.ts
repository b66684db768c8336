// The company access model: company accounts are reached only through the
// company (never through account_users), roles open their parts of the cabinet, the owner invites,
// re-roles and removes colleagues, the last owner stays, and nothing of one company reaches another.
import { and, desc, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { accounts, accountUsers, emailOutbox, meters, readings, users } from '@/db/schema';
import { accessibleAccountIds, canAccessAccount, type SessionUser } from '@/lib/auth/session';
import { authenticate } from '@/lib/auth/authenticate';
import { listMyAccounts } from '@/lib/accounts/list';
import { companyMemberOf } from '@/lib/company/access';
import { acceptInvitation, invitationFor, LAST_OWNER_MESSAGE, listMembers } from '@/lib/company/members';
import { nextControlFlow } from '../support/junk';
import { requestState } from '../support/request-boundary';
import { dbErrorOf, useTestDatabase } from '../support/test-db';
import {
  createAccount,
  createCompany,
  createCompanyMember,
  createMeteredAccount,
  sessionUser,
} from '../support/factories';

process.env.AUTH_SECRET ??= 'integration-only-secret-integration-only';

vi.mock('next-auth', () => import('../support/request-boundary').then((m) => m.nextAuthModule()));
vi.mock('@/auth', () => import('../support/request-boundary').then((m) => m.authModule()));
vi.mock('next/headers', () => import('../support/request-boundary').then((m) => m.headersModule()));
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: () => {},
}));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const usersActions = await import('@/app/lk/(cabinet)/users/actions');
const guestActions = await import('@/app/lk/(guest)/actions');
const readingsActions = await import('@/app/lk/(cabinet)/readings/actions');

const t = useTestDatabase();
let owner: SessionUser;
let accountant: SessionUser;
let engineer: SessionUser;
let rival: SessionUser;
let companyAccounts: string[];
let companyNumbers: string[];
let householdAccount: string;
let rivalAccount: string;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

type Result = { ok: boolean; message?: string; fieldErrors?: Record<string, string> };

/** Calls a Server Action as the given user; a redirect comes back as `{ redirect }`. */
async function act(
  as: SessionUser | null,
  action: (prev: null, data: FormData) => Promise<unknown>,
  fields: Record<string, string>,
): Promise<Result & { redirect?: string }> {
  requestState.userId = as?.id ?? null;
  try {
    return (await action(null, form(fields))) as Result;
  } catch (error) {
    const flow = nextControlFlow(error);
    if (flow?.kind === 'redirect') return { ok: true, redirect: flow.location };
    throw error;
  } finally {
    requestState.userId = null;
  }
}

async function lastInviteLink(to: string): Promise<string> {
  const [letter] = await t.db
    .select({ text: emailOutbox.text })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'company_invite')))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const token = letter?.text.match(/\/lk\/invite\?token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation to ${to}`);
  return token;
}

// The passwords of these users are never used: members sign in only after accepting an invitation.
beforeAll(async () => {
  const { id: companyId } = await createCompany(t.db, { name: 'ООО «Истра-Агро»' });
  owner = await createCompanyMember(t.db, companyId, 'owner');
  accountant = await createCompanyMember(t.db, companyId, 'accountant');
  engineer = await createCompanyMember(t.db, companyId, 'engineer');
  const ofCompany = { kind: 'company' as const, companyId };
  // One meter of each zone plan the company readings cases use, and an account without a meter.
  const singleZone = await createMeteredAccount(t.db, {
    account: ofCompany,
    meter: { serialNumber: '37220561', zonePlan: 1 },
    registers: [
      ['2026-08-01', { all_day: 10_000 }],
      ['2026-09-01', { all_day: 10_300 }],
      ['2026-10-01', { all_day: 10_600 }],
    ],
  });
  const threeZone = await createMeteredAccount(t.db, {
    account: ofCompany,
    meter: { serialNumber: '35109844', zonePlan: 3 },
    registers: [
      ['2026-08-01', { peak: 4_000, half_peak: 6_000, night: 3_000 }],
      ['2026-09-01', { peak: 4_100, half_peak: 6_200, night: 3_100 }],
    ],
  });
  const unmetered = await createAccount(t.db, ofCompany);
  companyAccounts = [singleZone.accountId, threeZone.accountId, unmetered.id];
  companyNumbers = [singleZone.number, threeZone.number, unmetered.number].sort();
  householdAccount = (await createMeteredAccount(t.db, { registers: [['2026-08-01', { all_day: 500 }]] })).accountId;

  // A second company with its own owner and account.
  const { id: otherId } = await createCompany(t.db, { name: 'ООО «Соседи»' });
  rival = await createCompanyMember(t.db, otherId, 'owner', { fullName: 'Соседов Пётр' });
  rivalAccount = (await createAccount(t.db, { kind: 'company', companyId: otherId, holderName: 'ООО «Соседи»' })).id;
});

describe('one access model: company accounts through the company only', () => {
  it('keeps company accounts out of account_users, by a trigger', async () => {
    const links = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(accountUsers)
      .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
      .where(eq(accounts.kind, 'company'));
    expect(links[0]!.n).toBe(0);
    const attempt = t.db
      .insert(accountUsers)
      .values({ accountId: companyAccounts[0]!, userId: owner.id, isOwner: false });
    await expect(attempt).rejects.toSatisfy((e) => dbErrorOf(e).code === '23514');
  });

  it('gives every member of a company its three accounts, and nothing else', async () => {
    for (const member of [owner, accountant, engineer]) {
      expect((await accessibleAccountIds(member)).sort()).toEqual([...companyAccounts].sort());
      expect((await listMyAccounts(member)).map((a) => a.number)).toEqual(companyNumbers);
      expect(await canAccessAccount(member, rivalAccount)).toBe(false);
    }
    expect(await accessibleAccountIds(rival)).toEqual([rivalAccount]);
    for (const id of companyAccounts) expect(await canAccessAccount(rival, id)).toBe(false);
    expect(await canAccessAccount(owner, householdAccount)).toBe(false);
  });

  it('reads each member’s role from the database', () => {
    expect(companyMemberOf(owner)?.role).toBe('owner');
    expect(companyMemberOf(accountant)?.role).toBe('accountant');
    expect(companyMemberOf(engineer)?.role).toBe('engineer');
  });

  it('refuses a company user without a role, in the database', async () => {
    const attempt = t.db.execute(sql`update users set company_role = null where id = ${accountant.id}`);
    await expect(attempt).rejects.toSatisfy((e) => dbErrorOf(e).constraint === 'users_company_member_role');
  });
});

describe('roles on the user management actions', () => {
  it('lets only the owner invite, re-role and remove', async () => {
    for (const member of [accountant, engineer]) {
      const invited = await act(member, usersActions.invite, {
        email: 'sneaky@example.com',
        fullName: 'Хитров Иван',
        role: 'owner',
      });
      expect(invited.ok).toBe(false);
      expect(invited.message).toMatch(/недоступно для вашей роли/);
      const rerole = await act(member, usersActions.changeRole, { userId: member.id, role: 'owner' });
      expect(rerole.ok).toBe(false);
      const removed = await act(member, usersActions.remove, { userId: owner.id });
      expect(removed.ok).toBe(false);
    }
    const [sneaky] = await t.db.select().from(users).where(eq(users.email, 'sneaky@example.com'));
    expect(sneaky).toBeUndefined();
    expect((await sessionUser(t.db, accountant.email)).companyRole).toBe('accountant');
    expect((await sessionUser(t.db, owner.email)).status).toBe('active');
  });

  it('sends a visitor without a session to the company login', async () => {
    const outcome = await act(null, usersActions.invite, { email: 'x@example.com', fullName: 'Икс', role: 'owner' });
    expect(outcome.redirect).toMatch(/^\/lk\/login/);
  });

  it('never lets one company’s owner touch another company’s people', async () => {
    const rerole = await act(rival, usersActions.changeRole, { userId: accountant.id, role: 'engineer' });
    expect(rerole).toMatchObject({ ok: false, message: expect.stringMatching(/не найден/) });
    const removed = await act(rival, usersActions.remove, { userId: owner.id });
    expect(removed.ok).toBe(false);
    expect((await sessionUser(t.db, accountant.email)).companyRole).toBe('accountant');
    expect((await sessionUser(t.db, owner.email)).status).toBe('active');
    const rivalSees = await listMembers(companyMemberOf(rival)!);
    expect(rivalSees.map((m) => m.email)).toEqual([rival.email]);
  });

  it('refuses to re-invite someone else’s address', async () => {
    const outcome = await act(owner, usersActions.invite, {
      email: rival.email,
      fullName: 'Соседов Пётр',
      role: 'engineer',
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.fieldErrors?.email).toMatch(/уже используется/);
    expect((await sessionUser(t.db, rival.email)).companyId).toBe(rival.companyId);
  });
});

describe('invitation by a single-use e-mail link', () => {
  it('invites, the invitee sets a password once, logs in with the role given', async () => {
    const invited = await act(owner, usersActions.invite, {
      email: ' Lebedev@Example.com ',
      fullName: 'Лебедев Кирилл',
      role: 'engineer',
    });
    expect(invited).toMatchObject({ ok: true });
    const pending = await sessionUser(t.db, 'lebedev@example.com');
    expect(pending).toMatchObject({ status: 'email_unconfirmed', companyId: owner.companyId, companyRole: 'engineer' });
    expect((await listMembers(companyMemberOf(owner)!)).find((m) => m.email === 'lebedev@example.com')?.state).toBe(
      'invited',
    );
    // No password works before the link is used.
    expect(
      await authenticate({
        door: 'company',
        login: 'lebedev@example.com',
        password: 'Novyi-parol-2026',
        ip: '192.0.2.9',
      }),
    ).toMatchObject({ ok: false });

    const token = await lastInviteLink('lebedev@example.com');
    expect(await invitationFor(token)).toMatchObject({ companyName: 'ООО «Истра-Агро»', role: 'engineer' });
    const wrongConsent = await act(null, guestActions.acceptInvite, {
      token,
      password: 'Novyi-parol-2026',
      passwordConfirm: 'Novyi-parol-2026',
    });
    expect(wrongConsent.ok).toBe(false);
    const accepted = await act(null, guestActions.acceptInvite, {
      token,
      password: 'Novyi-parol-2026',
      passwordConfirm: 'Novyi-parol-2026',
      consent: 'on',
    });
    expect(accepted.redirect).toBe('/lk/login?invited=1');
    expect((await sessionUser(t.db, 'lebedev@example.com')).status).toBe('active');
    const login = await authenticate({
      door: 'company',
      login: 'lebedev@example.com',
      password: 'Novyi-parol-2026',
      ip: '192.0.2.9',
    });
    expect(login).toMatchObject({ ok: true });

    // The link is spent.
    expect(await invitationFor(token)).toBeNull();
    expect(await acceptInvitation({ token, password: 'Drugoi-parol-2026' }, { ip: '192.0.2.9' })).toEqual({
      ok: false,
    });
  });

  it('changes a role and removes a colleague; the removed one’s sessions end', async () => {
    const lebedev = await sessionUser(t.db, 'lebedev@example.com');
    const rerole = await act(owner, usersActions.changeRole, { userId: lebedev.id, role: 'accountant' });
    expect(rerole.ok).toBe(true);
    expect((await sessionUser(t.db, 'lebedev@example.com')).companyRole).toBe('accountant');
    const removed = await act(owner, usersActions.remove, { userId: lebedev.id });
    expect(removed.ok).toBe(true);
    const after = await sessionUser(t.db, 'lebedev@example.com');
    expect(after.status).toBe('blocked');
    expect(after.sessionVersion).toBeGreaterThan(lebedev.sessionVersion);
    expect((await listMembers(companyMemberOf(owner)!)).map((m) => m.email)).not.toContain('lebedev@example.com');
    // An action with the old session is now sent to the login page.
    requestState.userId = lebedev.id;
    const stale = await act(after, usersActions.invite, { email: 'z@example.com', fullName: 'Зет', role: 'owner' });
    expect(stale.redirect).toMatch(/^\/lk\/login/);
  });
});

describe('the last owner', () => {
  it('cannot be demoted or removed through the actions', async () => {
    const demote = await act(owner, usersActions.changeRole, { userId: owner.id, role: 'accountant' });
    expect(demote).toMatchObject({ ok: false, message: LAST_OWNER_MESSAGE });
    const remove = await act(owner, usersActions.remove, { userId: owner.id });
    expect(remove).toMatchObject({ ok: false, message: LAST_OWNER_MESSAGE });
    expect(await sessionUser(t.db, owner.email)).toMatchObject({ status: 'active', companyRole: 'owner' });
  });

  it('cannot be demoted, blocked or deleted behind the application’s back', async () => {
    for (const statement of [
      sql`update users set company_role = 'engineer' where id = ${owner.id}`,
      sql`update users set status = 'blocked' where id = ${owner.id}`,
    ]) {
      await expect(t.db.execute(statement)).rejects.toSatisfy(
        (e) => dbErrorOf(e).constraint === 'users_company_last_owner',
      );
    }
    // A delete is refused too (by the trigger, or earlier by the rows that point at the owner).
    await expect(t.db.execute(sql`delete from users where id = ${owner.id}`)).rejects.toThrow();
    expect(await sessionUser(t.db, owner.email)).toMatchObject({ status: 'active', companyRole: 'owner' });
  });

  it('may step down once another owner is there; two owners demoting each other at once leave one', async () => {
    const promote = await act(owner, usersActions.changeRole, { userId: accountant.id, role: 'owner' });
    expect(promote.ok).toBe(true);
    const results = await Promise.all([
      act(owner, usersActions.changeRole, { userId: accountant.id, role: 'accountant' }),
      act(accountant, usersActions.changeRole, { userId: owner.id, role: 'engineer' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const owners = await t.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.companyId, owner.companyId!), eq(users.companyRole, 'owner'), eq(users.status, 'active')));
    expect(owners).toHaveLength(1);
    // Back to the roles set up above for the tests below, whichever of the two won.
    await t.db.update(users).set({ companyRole: 'owner' }).where(eq(users.id, owner.id));
    await t.db.update(users).set({ companyRole: 'accountant' }).where(eq(users.id, accountant.id));
  });
});

describe('readings by the company’s engineer, with the household rules', () => {
  async function meterOf(serial: string) {
    const [m] = await t.db.select().from(meters).where(eq(meters.serialNumber, serial));
    const [last] = await t.db
      .select({ value: readings.value })
      .from(readings)
      .where(and(eq(readings.meterId, m!.id), eq(readings.status, 'accepted')))
      .orderBy(desc(readings.period))
      .limit(1);
    return { id: m!.id, last: last!.value };
  }

  it('accepts a whole number not below the last one from the engineer', async () => {
    const meter = await meterOf('37220561');
    const below = await act(engineer, readingsActions.submitCompanyReadings, {
      meterId: meter.id,
      zone_all_day: String(meter.last - 1),
    });
    expect(below.ok).toBe(false);
    expect(below.fieldErrors?.zone_all_day).toBeTruthy();
    const fraction = await act(engineer, readingsActions.submitCompanyReadings, {
      meterId: meter.id,
      zone_all_day: `${meter.last + 10},5`,
    });
    expect(fraction.ok).toBe(false);
    const good = await act(engineer, readingsActions.submitCompanyReadings, {
      meterId: meter.id,
      zone_all_day: String(meter.last + 700),
    });
    expect(good).toMatchObject({ ok: true });
    const [stored] = await t.db
      .select({ value: readings.value, by: readings.submittedBy })
      .from(readings)
      .where(and(eq(readings.meterId, meter.id), eq(readings.status, 'accepted')))
      .orderBy(desc(readings.submittedAt))
      .limit(1);
    expect(stored).toEqual({ value: meter.last + 700, by: engineer.id });
  });

  it('refuses the accountant, another company and a household meter', async () => {
    const meter = await meterOf('35109844');
    const byAccountant = await act(accountant, readingsActions.submitCompanyReadings, {
      meterId: meter.id,
      zone_peak: String(meter.last + 10),
    });
    expect(byAccountant.message).toMatch(/недоступно для вашей роли/);
    const byRival = await act(rival, readingsActions.submitCompanyReadings, {
      meterId: meter.id,
      zone_peak: String(meter.last + 10),
    });
    expect(byRival).toMatchObject({ ok: false, message: expect.stringMatching(/не найден/) });
    const [householdMeter] = await t.db
      .select({ id: meters.id })
      .from(meters)
      .innerJoin(accounts, eq(accounts.id, meters.accountId))
      .where(eq(accounts.id, householdAccount));
    const foreign = await act(engineer, readingsActions.submitCompanyReadings, {
      meterId: householdMeter!.id,
      zone_all_day: '999999',
    });
    expect(foreign).toMatchObject({ ok: false, message: expect.stringMatching(/не найден/) });
    const count = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(readings)
      .where(eq(readings.submittedBy, accountant.id));
    expect(count[0]!.n).toBe(0);
  });
});
