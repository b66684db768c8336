// Bad input for every Server Action: generated junk — huge, fractional and
// negative numbers, unicode, empty and very long strings, files where text belongs, missing and
// repeated fields, arguments that are not forms at all — never makes an action throw (only Next's
// own redirect travels as an exception), is answered in Russian, and writes nothing. Input that the
// action's own schema accepts may succeed; that is the only way anything may change.
//
// The actions are found on disk (every app/**/actions.ts and app/session-actions.ts), so a new
// action is covered the day it is written; the schemas below only add plausible values per field.
// Only the request boundary is replaced: Auth.js (its cookie; the password check itself is the real
// `authenticate`), next/headers, next/cache and the e-mail kick. Validation and domain code are real.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { eq, isNull } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { appeals, bills, meters, payments } from '@/db/schema';
import {
  changeEmailSchema,
  changePasswordSchema,
  contactsSchema,
  decisionSchema,
  loginSchema,
  preferencesSchema,
  registrationSchema,
  resetCompleteSchema,
  resetRequestSchema,
} from '@/lib/auth/schemas';
import { startBillingSchema } from '@/lib/billing/schemas';
import { confirmMeterSchema, rejectMeterSchema, requestMeterSchema, staffReadingSchema } from '@/lib/meters/schemas';
import { lookupGuestPayee } from '@/lib/payments/guest';
import { requestMeter } from '@/lib/meters/requests';
import {
  bindingChargeSchema,
  cabinetPaymentSchema,
  deleteBindingSchema,
  guestConfirmSchema,
  guestLookupSchema,
} from '@/lib/payments/schemas';
import { refundSchema } from '@/lib/payments/refund-schema';
import { sandbox3dsSchema, sandboxCardSchema } from '@/lib/payments/gateway/sandbox/schemas';
import { submitReadingsSchema } from '@/lib/readings/schemas';
import { acceptInviteSchema, changeRoleSchema, inviteMemberSchema, removeMemberSchema } from '@/lib/company/schemas';
import {
  accountContactsSchema,
  accountGisIdsSchema,
  accountNoteSchema,
  accountTermsSchema,
  adjustmentDecisionSchema,
  adjustmentSchema,
} from '@/lib/accounts/registry-schemas';
import { TABLE_CELLS } from '@/lib/notifications/catalog';
import { unsubscribeSchema } from '@/lib/notifications/schemas';
import { formDataToObject } from '@/lib/validation/form-data';
import {
  appealReplySchema,
  appealTemplateSchema,
  assignAppealSchema,
  cabinetAppealSchema,
  closeAppealSchema,
  deleteTemplateSchema,
  guestAppealSchema,
  guestCloseSchema,
  guestKeySchema,
  guestReplySchema,
  staffAnswerSchema,
  staffNoteSchema,
  topicDeadlineSchema,
} from '@/lib/support/appeal-schemas';
import { fileCabinetAppeal, fileGuestAppeal, guestAppealPath } from '@/lib/support/appeals';
import {
  describeEntries,
  type FormEntries,
  formEntries,
  nextControlFlow,
  runs,
  RUSSIAN,
  toFormData,
  watchWrites,
  type WriteWatch,
} from '../support/junk';
import { log } from '@/lib/log';
import { requestState as request, runAfterTasks } from '../support/request-boundary';
import { useTestDatabase } from '../support/test-db';
import {
  createAccount,
  createBill,
  createCompanyUser,
  createMeteredAccount,
  createPaidPayment,
  createSubscriber,
  createUser,
  createUtilityProfile,
  gisIds,
  TEST_PASSWORD,
  testPasswordHash,
} from '../support/factories';

process.env.AUTH_SECRET ??= 'integration-only-secret-integration-only';

// ─── The request boundary (tests/support/request-boundary.ts) ──────────────────
vi.mock('next-auth', () => import('../support/request-boundary').then((m) => m.nextAuthModule()));
vi.mock('@/auth', () => import('../support/request-boundary').then((m) => m.authModule()));
vi.mock('next/headers', () => import('../support/request-boundary').then((m) => m.headersModule()));
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: (await import('../support/request-boundary')).after,
}));
// revalidatePath needs a Next.js render in progress; there is none here.
vi.mock('next/cache', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/cache')>()),
  revalidatePath: () => {},
}));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
// The SMS and push rows of one case would otherwise be delivered in the background while the next
// case runs, and count as that case's writes.
vi.mock('@/lib/notifications/sms-delivery', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/notifications/sms-delivery')>()),
  kickSmsDelivery: () => {},
}));
vi.mock('@/lib/notifications/push-delivery', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/notifications/push-delivery')>()),
  kickPushDelivery: () => {},
}));

// ─── The actions, found on disk ──────────────────────────────────────────────
const root = path.resolve(import.meta.dirname, '../..');

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return entry.name === 'actions.ts' || entry.name === 'session-actions.ts' ? [full] : [];
  });
}

type Door = 'household' | 'company' | 'staff' | null;

/** Who is signed in while a module's actions run: the door its route group belongs to. */
function doorOf(where: string): Door {
  if (where.startsWith('admin/(console)')) return 'staff';
  if (where.startsWith('fiz/(cabinet)') || where === 'session-actions') return 'household';
  if (where.startsWith('lk/(cabinet)')) return 'company';
  return null;
}

type AnyAction = (...args: unknown[]) => Promise<unknown>;
interface ActionUnderTest {
  key: string;
  where: string;
  name: string;
  door: Door;
  fn: AnyAction;
}

const ACTIONS: ActionUnderTest[] = [];
for (const file of actionFiles(path.join(root, 'app')).sort()) {
  const relative = path.relative(path.join(root, 'app'), file).replace(/\\/g, '/');
  const where = relative.endsWith('/actions.ts')
    ? relative.slice(0, -'/actions.ts'.length)
    : relative.replace(/\.ts$/, '');
  const mod = (await import(file)) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (typeof fn === 'function')
      ACTIONS.push({ key: `${where}#${name}`, where, name, door: doorOf(where), fn: fn as AnyAction });
  }
}

// ─── What each action accepts ────────────────────────────────────────────────
const tokenSchema = z.object({ token: z.string().max(200) });

/** The action's own schema: its field names, and what counts as valid input. `null`: any input is. */
const SCHEMAS: Record<string, z.ZodObject | null> = {
  'fiz/(guest)#loginHousehold': loginSchema,
  'fiz/(guest)#register': registrationSchema,
  'fiz/(guest)#confirmRegistration': tokenSchema,
  'fiz/(guest)#requestReset': resetRequestSchema,
  'fiz/(guest)#completeReset': resetCompleteSchema,
  'fiz/(guest)#confirmNewEmail': tokenSchema,
  'lk/(guest)#loginCompany': loginSchema,
  'lk/(guest)#acceptInvite': acceptInviteSchema,
  'lk/(cabinet)/users#invite': inviteMemberSchema,
  'lk/(cabinet)/users#changeRole': changeRoleSchema,
  'lk/(cabinet)/users#remove': removeMemberSchema,
  'lk/(cabinet)/readings#submitCompanyReadings': submitReadingsSchema,
  'admin/(guest)#loginStaff': loginSchema,
  'fiz/(cabinet)/readings#submitMeterReadings': submitReadingsSchema,
  'fiz/(cabinet)/meters#requestNewMeter': requestMeterSchema,
  'fiz/(cabinet)/payments#payFromCabinet': cabinetPaymentSchema,
  'fiz/(cabinet)/payments#payWithBinding': bindingChargeSchema,
  'fiz/(cabinet)/payments#removeBinding': deleteBindingSchema,
  'fiz/(cabinet)/profile#saveContacts': contactsSchema,
  'fiz/(cabinet)/profile#savePreferences': preferencesSchema,
  'fiz/(cabinet)/profile#savePassword': changePasswordSchema,
  'fiz/(cabinet)/profile#startEmailChange': changeEmailSchema,
  'admin/(console)/meters#confirmMeter': confirmMeterSchema,
  'admin/(console)/meters#rejectMeter': rejectMeterSchema,
  'admin/(console)/readings#enterReading': staffReadingSchema,
  'admin/(console)/registrations#decideRegistration': decisionSchema,
  'admin/(console)/billing#startBilling': startBillingSchema,
  'admin/(console)/payments#refundPayment': refundSchema,
  'admin/(console)/accounts#saveAccountContacts': accountContactsSchema,
  'admin/(console)/accounts#saveAccountGisIds': accountGisIdsSchema,
  'admin/(console)/accounts#saveAccountTerms': accountTermsSchema,
  'admin/(console)/accounts#saveAdjustment': adjustmentSchema,
  'admin/(console)/accounts#decideAccountAdjustment': adjustmentDecisionSchema,
  'admin/(console)/accounts#saveAccountNote': accountNoteSchema,
  '(public)/pay#findPayee': guestLookupSchema,
  '(public)/unsubscribe#confirmUnsubscribe': unsubscribeSchema,
  '(public)/pay#payAsGuest': guestConfirmSchema,
  'sandbox/pay#payWithCard': sandboxCardSchema,
  'sandbox/pay#confirm3ds': sandbox3dsSchema,
  'fiz/(cabinet)/appeals#fileAppeal': cabinetAppealSchema,
  'fiz/(cabinet)/appeals#replyToAppeal': appealReplySchema,
  'fiz/(cabinet)/appeals#closeMyAppeal': closeAppealSchema,
  'lk/(cabinet)/appeals#fileAppeal': cabinetAppealSchema,
  'lk/(cabinet)/appeals#replyToAppeal': appealReplySchema,
  'lk/(cabinet)/appeals#closeMyAppeal': closeAppealSchema,
  '(public)/support/appeals#fileGuestAppeal': guestAppealSchema,
  '(public)/support/appeals#confirmGuestAppeal': guestKeySchema,
  '(public)/support/appeals#replyAsGuest': guestReplySchema,
  '(public)/support/appeals#closeAsGuest': guestCloseSchema,
  'admin/(console)/support#assignAppealAction': assignAppealSchema,
  'admin/(console)/support#answerAppealAction': staffAnswerSchema,
  'admin/(console)/support#noteAppealAction': staffNoteSchema,
  'admin/(console)/support#saveAppealTemplate': appealTemplateSchema,
  'admin/(console)/support#deleteAppealTemplate': deleteTemplateSchema,
  'admin/(console)/support#saveAppealDeadline': topicDeadlineSchema,
  'session-actions#logout': null,
  'session-actions#logoutEverywhere': null,
};

/** Checking a password costs a real argon2 hash: fewer runs for the login forms. */
const RUNS: Record<string, number> = {
  loginHousehold: 25,
  loginCompany: 25,
  loginStaff: 25,
  savePassword: 30,
  startEmailChange: 30,
};
const DEFAULT_RUNS = 60;

// ─── The database ────────────────────────────────────────────────────────────
const t = useTestDatabase();
let writes: WriteWatch;
const userIds: Partial<Record<Exclude<Door, null>, string>> = {};
let plausible: Record<string, fc.Arbitrary<string>> = {};

beforeAll(async () => {
  // Each door's user with the password the login forms are tried with: a household owning an
  // account with a meter and bills, a neighbour with an account of its own, a company owner and an
  // operator; a third account with its ГИС ЖКХ identifiers is what a guest pays. The utility profile
  // and an admin make the portal set up.
  await createUtilityProfile(t.db);
  const passwordHash = await testPasswordHash();
  await createUser(t.db, { role: 'admin', passwordHash });
  const household = await createMeteredAccount(t.db, { meter: { zonePlan: 2 } });
  const neighbour = await createMeteredAccount(t.db);
  const guestIds = gisIds();
  const guestAccount = await createAccount(t.db, { els: guestIds.els, izhku: guestIds.izhku });
  const petrov = await createSubscriber(t.db, household.accountId, { email: 'petrov@example.com', passwordHash });
  const ivanova = await createSubscriber(t.db, neighbour.accountId, { email: 'ivanova@example.com', passwordHash });
  const company = (await createCompanyUser(t.db, { user: { email: 'company@example.com', passwordHash } })).user;
  const staff = await createUser(t.db, { email: 'operator@example.com', passwordHash });
  userIds.household = petrov.id;
  userIds.company = company.id;
  userIds.staff = staff.id;

  const own = household.accountId;
  const other = neighbour.accountId;
  for (const [accountId, period] of [
    [own, '2026-09-01'],
    [own, '2026-10-01'],
    [other, '2026-10-01'],
    [guestAccount.id, '2026-10-01'],
  ] as const)
    await createBill(t.db, accountId, { period, ipd: accountId === guestAccount.id ? guestIds.ipd() : undefined });
  await createPaidPayment(t.db, own, 1_500_00, new Date('2026-10-12T09:00:00Z'));
  await createPaidPayment(t.db, other, 900_00, new Date('2026-10-15T09:00:00Z'));
  const meterIds = (await t.db.select({ id: meters.id }).from(meters)).map((m) => m.id);
  const billIds = (await t.db.select({ id: bills.id }).from(bills).limit(6)).map((b) => b.id);
  const paymentIds = (
    await t.db.select({ id: payments.id }).from(payments).where(eq(payments.status, 'paid')).limit(6)
  ).map((p) => p.id);

  // Something for staff to decide on, and a genuine guest ticket, so junk meets real records too.
  const pending = await requestMeter(petrov, {
    accountId: own,
    serialNumber: 'BAD-INPUT-001',
    zonePlan: 2,
    installedAt: '2026-11-10',
  });
  if (!pending.ok) throw new Error(`setup: ${pending.message} ${JSON.stringify(pending.fieldErrors)}`);
  const lookup = await lookupGuestPayee(
    { accountNumber: guestAccount.number, amountKopecks: 150_00 },
    { ip: '192.0.2.200' },
  );
  if (!lookup.ok) throw new Error(`setup: ${lookup.message}`);
  const appeal = await fileCabinetAppeal(petrov, { topic: 'other', text: 'Прошу проверить' }, { ip: '192.0.2.201' });
  if (!appeal.ok) throw new Error(`setup: ${appeal.message}`);
  await fileGuestAppeal(
    { name: 'Гость', email: 'guest-appeal@example.com', topic: 'other', text: 'Вопрос', consent: true },
    { ip: '192.0.2.202', origin: 'http://localhost' },
  );
  const [guestAppeal] = await t.db.select({ id: appeals.id }).from(appeals).where(isNull(appeals.userId));
  const guestKey = guestAppealPath(guestAppeal!.id).split('/').pop()!;
  writes = await watchWrites(t.db);

  const ownMeters = (await t.db.select({ id: meters.id }).from(meters).where(eq(meters.accountId, own))).map(
    (m) => m.id,
  );
  const ownBills = (await t.db.select({ id: bills.id }).from(bills).where(eq(bills.accountId, own)).limit(3)).map(
    (b) => b.id,
  );
  const nobody = '00000000-0000-4000-8000-000000000000';

  /** Mostly values that pass the schema (so the domain code is reached), sometimes odd ones. */
  const likely = (valid: string[], odd: string[]) =>
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });
  const day = likely(['2026-11-10', '2026-11-01'], ['2026-02-30', '2031-01-01', '1990-01-01', '26.11.2026']);
  const checkbox = likely(['on', 'true'], ['false', 'off', '1']);
  const newPassword = likely(['Tikhaya-reka-2026'], [TEST_PASSWORD, '12345678', 'x']);
  const register = likely(
    ['12345', '99999', ' 4 321 '],
    ['0', '00012', '99999999', '12345,5', '12345.67', '-1', '1e5'],
  );
  // U+0000 in text that would reach the database (Postgres cannot store it).
  const nul = (text: string) => text.replace(' ', '\u0000');
  /** An account number as a person may type it, with a space in the middle. */
  const spaced = (number: string) => `${number.slice(0, 4)} ${number.slice(4)}`;
  plausible = {
    accountId: likely([own], [other, pending.meterId, nobody]),
    meterId: likely([...ownMeters, pending.meterId], [...meterIds, nobody]),
    billId: likely(['', ...ownBills], [...billIds, ...ownMeters, nobody]),
    bindingId: likely([nobody], [own]),
    userId: likely([petrov.id, ivanova.id], [nobody]),
    paymentId: likely(paymentIds, [nobody, own]),
    accountNumber: likely(
      [
        guestAccount.number,
        household.number,
        spaced(neighbour.number),
        guestIds.els,
        guestIds.izhku.toLowerCase(),
        guestIds.ipd(),
      ],
      ['50019999', '123', '50AB0100', `${guestIds.izhku}-12`, nul(guestIds.els)],
    ),
    amount: likely(['100', '1 234,56', '150', '0,99'], ['1', '500000', '500000,01', '12.345', '-100', '1e3', '0']),
    email: likely(['petrov@example.com', 'new-address@example.com'], ['a@b.c', 'no-at-sign', nul('nul @example.com')]),
    newEmail: likely(['new-address@example.com'], ['ivanova@example.com', 'a@b.c', nul('nul @example.com')]),
    phone: likely(['+7 900 000-00-00', '89001234567', '8 (900) 123-45-67'], ['+1 555 0100']),
    login: likely(
      [household.number, 'operator@example.com', 'company@example.com', ' PETROV@example.com '],
      [guestAccount.number, neighbour.number, nul('petrov @example.com')],
    ),
    password: newPassword,
    passwordConfirm: newPassword,
    currentPassword: likely([TEST_PASSWORD], ['Tikhaya-reka-2026', 'x']),
    fullName: likely(['Петров Пётр Петрович'], ['П', "O'Neil", nul('Петров Пётр')]),
    address: likely(['г. Истра, ул. Ленина, д. 5'], [nul('ул. Ленина')]),
    consent: checkbox,
    rememberCard: checkbox,
    confirmImplausible: checkbox,
    notifyReadingReminders: checkbox,
    notifyNewBill: checkbox,
    notifyPaymentReceived: checkbox,
    notifyOutages: checkbox,
    notifyServiceRequests: checkbox,
    newsSubscription: checkbox,
    ...Object.fromEntries(TABLE_CELLS.map((cell) => [cell.field, checkbox])),
    token: likely(['a'.repeat(43)], ['not-a-token']),
    ticket: likely([lookup.payee.ticket], [`${lookup.payee.ticket}x`]),
    next: likely(['/fiz/payments'], ['//evil.example', 'https://evil.example/fiz', '/admin', '/lk']),
    decision: likely(['approve', 'reject'], ['maybe']),
    reason: likely(['Фото нечитаемо'], ['x', nul('Фото нечитаемо')]),
    serialNumber: likely(['0092 1705 6004185', '№ 12345', 'AB-12/3'], ['!!', '7700001']),
    model: likely(['Меркурий 201', ''], [nul('Меркурий 201')]),
    zonePlan: likely(['1', '2', '3'], ['4', '1.0']),
    installedAt: day,
    verificationDue: day,
    period: likely(['2026-11-01', '2026-10-01'], ['2026-12-01', '2027-01-01', '2020-01-01', '2026-11-15']),
    zone_all_day: register,
    zone_day: register,
    zone_night: register,
    zone_peak: register,
    zone_half_peak: register,
    filter: likely(['missing', 'all'], ['bogus']),
    page: likely(['1'], ['0', '100001', 'abc']),
    q: likely([household.number.slice(0, 4), 'Петров'], [nul('Пет ров')]),
    request: likely(['MerchantLogin=energokabinet-sandbox&OutSum=150.00&InvId=1&SignatureValue=00'], ['InvId=1']),
    card: likely(['4111 1111 1111 1111', '4000 0000 0000 0002'], ['1234']),
    expiry: likely(['12/28'], ['13/99', '01/20', '1228']),
    cvv: likely(['123'], ['12', 'abc']),
    code: likely(['1234'], ['0000', '12345']),
    cardMask: fc.constant('411111******1111'),
    proof: fc.constant('x'.repeat(43)),
    door: likely(['household', 'company', 'staff'], ['admin']),
    role: likely(['owner', 'accountant', 'engineer'], ['admin', 'staff']),
    // The staff account card (app/admin/(console)/accounts).
    account: likely([own, other], [nobody, pending.meterId]),
    direction: likely(['credit', 'debit'], ['sideways']),
    month: likely(['2027-01', '2027-03'], ['2026-13', '2020-01', '2026-11-01', '2031-01']),
    residents: likely(['0', '2', '3'], ['-1', '100', '1.5']),
    owners: likely(['1', '2'], ['-1', '1e1']),
    tariffCategory: likely(['urban', 'rural_or_stove'], ['city']),
    body: likely(['Звонил, обещал оплатить до 15-го'], [nul('Звонил, обещал')]),
    requestId: likely([nobody], [own]),
    els: likely([gisIds().els, ''], ['50AB01', guestIds.els, nul(gisIds().els)]),
    izhku: likely([gisIds().izhku, ''], [`${guestIds.els}-1`, guestIds.izhku]),
    // Appeals (lib/support/appeals).
    appealId: likely([appeal.appealId], [nobody, own]),
    topic: likely(['readings', 'other', 'payment_not_credited'], ['complaint', '']),
    text: likely(['Не могу оплатить через личный кабинет'], ['', nul('Не могу оплатить')]),
    rating: likely(['5', '1'], ['0', '6', '4.5']),
    assigneeId: likely(['', staff.id], [petrov.id, nobody]),
    name: likely(['Сидоров Пётр'], ['', nul('Сидоров Пётр')]),
    key: likely([guestKey], [`${guestKey}x`, `${nobody}.abc`]),
    id: likely(['', nobody], ['not-a-uuid']),
    title: likely(['Пересчёт выполнен'], ['', nul('Пересчёт выполнен')]),
    workingDays: likely(['5', '1', '30'], ['0', '31', '2.5']),
  };
});

// ─── The property ────────────────────────────────────────────────────────────
const UNEXPECTED = /Не получилось выполнить действие/;
let ipCounter = 0;
const freshIp = () => `10.66.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

type Outcome =
  { kind: 'result'; value: unknown } | { kind: 'redirect'; location: string } | { kind: 'http'; status: number };

/** Calls the action the way Next.js does: (previous state, form) for useActionState, (form) for a plain form action. */
async function call(action: ActionUnderTest, form: unknown): Promise<Outcome> {
  try {
    const value = action.fn.length <= 1 ? await action.fn(form) : await action.fn(null, form);
    return { kind: 'result', value };
  } catch (error) {
    const flow = nextControlFlow(error);
    if (!flow) throw error;
    return flow.kind === 'redirect'
      ? { kind: 'redirect', location: flow.location }
      : { kind: 'http', status: flow.status };
  }
}

function fieldsFor(action: ActionUnderTest): Record<string, fc.Arbitrary<string> | undefined> {
  const schema = SCHEMAS[action.key];
  // An action this file does not know yet gets every field name any form here has.
  const names = schema ? Object.keys(schema.shape) : schema === null ? ['door'] : Object.keys(plausible);
  return Object.fromEntries(names.map((name) => [name, plausible[name]]));
}

/**
 * One attempt: no exception, no logged error; a refusal is in Russian (the summary and every field
 * message) and leaves the data as it was; success only for input the action's schema accepts.
 */
async function check(action: ActionUnderTest, form: unknown, show: () => string, last: { mark?: number }) {
  const errors: unknown[][] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));
  // The server log (pino) is where the app reports failures; an error line there counts the same.
  const logSpy = vi.spyOn(log, 'error').mockImplementation(((...args: unknown[]) => void errors.push(args)) as never);
  request.ip = freshIp();
  request.userId = action.door ? userIds[action.door]! : null;
  const before = last.mark ?? (await writes.mark());
  let outcome: Outcome;
  try {
    outcome = await call(action, form).catch((error: unknown) => {
      throw new Error(`${action.key} threw on ${show()}: ${String(error)}`, { cause: error });
    });
    await runAfterTasks().catch((error: unknown) => {
      throw new Error(`${action.key}: its after() task failed on ${show()}: ${String(error)}`, { cause: error });
    });
  } finally {
    spy.mockRestore();
    logSpy.mockRestore();
  }
  const after = await writes.mark();
  last.mark = after;
  const context = `${action.key} on ${show()} → ${JSON.stringify(outcome).slice(0, 400)}`;
  expect(
    errors.map((e) => e.map(String).join(' ').slice(0, 300)),
    context,
  ).toEqual([]);

  if (outcome.kind === 'http') throw new Error(`unexpected ${outcome.status}: ${context}`);
  const result =
    outcome.kind === 'result'
      ? (outcome.value as { ok?: unknown; message?: unknown; fieldErrors?: Record<string, unknown> } | undefined)
      : undefined;
  if (result && result.ok === false) {
    expect(result.message, context).toMatch(RUSSIAN);
    expect(result.message, context).not.toMatch(UNEXPECTED);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {}))
      expect(message, `${field}: ${context}`).toMatch(RUSSIAN);
    if (after !== before) expect(await writes.since(before), context).toEqual([]);
    return;
  }
  // Accepted: a redirect onwards or { ok: true }. Only for input the action's own schema takes.
  if (outcome.kind === 'redirect') {
    expect(outcome.location, context).toMatch(/^\/(?!\/)/);
    // A signed-in user's action never bounces to the login page, unless the action logs out.
    if (action.door && action.where !== 'session-actions')
      expect(outcome.location, context).not.toMatch(/\/login(\?|$)/);
  } else {
    expect(result?.ok, context).toBe(true);
    if (result?.message !== undefined) expect(result.message, context).toMatch(RUSSIAN);
  }
  const schema = SCHEMAS[action.key];
  if (schema && form instanceof FormData)
    expect((await schema.safeParseAsync(formDataToObject(form))).success, context).toBe(true);
  if (!(form instanceof FormData) && action.where !== 'session-actions')
    throw new Error(`accepted a non-form argument: ${context}`);
}

describe('every Server Action under generated junk', () => {
  it('finds the actions on disk', () => {
    // Every action listed here still exists; one not listed is still tested, with every field name.
    for (const key of Object.keys(SCHEMAS))
      expect(
        ACTIONS.map((a) => a.key),
        key,
      ).toContain(key);
  });

  for (const action of ACTIONS) {
    it(`${action.key}: junk forms → a Russian refusal and nothing written, or valid input accepted`, async () => {
      const last: { mark?: number } = {};
      await fc.assert(
        fc.asyncProperty(formEntries(fieldsFor(action)), async (entries: FormEntries) => {
          await check(action, toFormData(entries), () => describeEntries(entries), last);
        }),
        { numRuns: runs(RUNS[action.name] ?? DEFAULT_RUNS), endOnFailure: true },
      );
    });
  }

  it('arguments that are not forms (what a hand-made request can send) → a Russian refusal, no exception', async () => {
    const notForms = fc.oneof(
      fc.anything(),
      fc.constant(new URLSearchParams('accountId=1')),
      fc.constant(new Blob(['x'])),
    );
    for (const action of ACTIONS) {
      const last: { mark?: number } = {};
      await fc.assert(
        fc.asyncProperty(notForms, async (value) => {
          await check(action, value, () => fc.stringify(value).slice(0, 200), last);
        }),
        { numRuns: runs(8), endOnFailure: true },
      );
    }
  });
});
