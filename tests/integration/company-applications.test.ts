// Contract applications on a real database: a new company registers with an ИНН checked by its
// check digits and confirms the address; its owner applies; documents are accepted by their bytes
// only; the status machine allows its edges and refuses the rest (in the code and in the trigger);
// staff offer a contract as a PDF; letters and audit at each change; another company sees nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  auditLog,
  companies,
  companyApplicationEvents,
  companyApplicationFiles,
  companyApplications,
  emailOutbox,
  users,
} from '@/db/schema';
import {
  addApplicationDocument,
  applicationDetail,
  applicationFileId,
  createApplication,
  returnToReview,
} from '@/lib/applications/applications';
import { confirmCompanyEmail, registerCompany } from '@/lib/applications/registration';
import { applicationSchema, companyRegistrationSchema } from '@/lib/applications/schemas';
import { moveApplication } from '@/lib/applications/staff';
import { allowedApplicationEdges, APPLICATION_STATUSES, checkApplicationTransition } from '@/lib/applications/status';
import type { SessionUser } from '@/lib/auth/session';
import { authenticate } from '@/lib/auth/authenticate';
import { confirmRegistrationEmail, registerHousehold } from '@/lib/auth/registration';
import { registrationSchema } from '@/lib/auth/schemas';
import { companyMemberOf } from '@/lib/company/access';
import { isValidInn } from '@/lib/company/inn';
import { requestState } from '../support/request-boundary';
import { createTestDatabase, dbErrorOf, type TestDatabase, useAsGlobalDb } from '../support/test-db';
import {
  createAccount,
  createCompanyMember,
  createCompanyUser,
  createUser,
  createUtilityProfile,
  sessionUser,
} from '../support/factories';

process.env.AUTH_SECRET ??= 'integration-only-secret-integration-only';

vi.mock('next-auth', () => import('../support/request-boundary').then((m) => m.nextAuthModule()));
vi.mock('@/auth', () => import('../support/request-boundary').then((m) => m.authModule()));
vi.mock('next/headers', () => import('../support/request-boundary').then((m) => m.headersModule()));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));

const documentRoute = await import('@/app/lk/(cabinet)/applications/[id]/files/[fileId]/route');
const offerRoute = await import('@/app/lk/(cabinet)/applications/[id]/offer/route');

const ctx = { ip: '203.0.113.40', origin: 'http://test.local' };
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const NEW_INN = '7736207543'; // a valid organisation ИНН not in the demo data
const PASSWORD = 'Novaya-firma-2026';

let t: TestDatabase;
let restore: () => void;
let staff: { id: string };
let owner: SessionUser;
let otherOwner: SessionUser;
let otherAccountant: SessionUser;
/** A household account nobody has registered. */
let unclaimedNumber: string;

function registration(overrides: Record<string, string> = {}) {
  return companyRegistrationSchema.safeParseAsync({
    companyName: 'ООО «Новая ферма»',
    inn: NEW_INN,
    kpp: '773601001',
    ogrn: '',
    legalAddress: 'г. Истра, ул. Заводская, д. 3',
    fullName: 'Орлова Мария Андреевна',
    email: 'orlova@example.com',
    phone: '8 916 555-44-33',
    password: PASSWORD,
    passwordConfirm: PASSWORD,
    consent: 'on',
    ...overrides,
  });
}

const application = applicationSchema.parse({
  contactName: 'Орлова Мария Андреевна',
  email: 'orlova@example.com',
  phone: '+79165554433',
  objectAddress: 'г. Истра, ул. Заводская, д. 3, стр. 1',
  maxPowerKw: '150,5',
  reliabilityCategory: '3',
});

function file(bytes: Uint8Array, name: string, type: string): File {
  return new File([bytes as BlobPart], name, { type });
}

async function get<P extends Record<string, string>>(
  handler: (r: Request, c: { params: Promise<P> }) => Promise<Response>,
  as: SessionUser,
  params: P,
) {
  requestState.userId = as.id;
  try {
    return await handler(new Request('http://test.local/x'), { params: Promise.resolve(params) });
  } finally {
    requestState.userId = null;
  }
}

/** The database's refusal of a write, or null when it went through. */
async function refusal(write: PromiseLike<unknown>): Promise<{ code?: string } | null> {
  try {
    await write;
    return null;
  } catch (error) {
    return dbErrorOf(error);
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await createUtilityProfile(t.db);
  staff = await createUser(t.db, { role: 'operator' });
  const existing = await createCompanyUser(t.db);
  otherOwner = existing.user;
  otherAccountant = await createCompanyMember(t.db, existing.companyId, 'accountant');
  unclaimedNumber = (await createAccount(t.db)).number;
});

afterAll(async () => {
  restore?.();
  await t?.drop();
});

describe('ИНН and КПП', () => {
  it('accept valid check digits and refuse a typo, with the Russian reason', async () => {
    expect(isValidInn('7736207543')).toBe(true);
    expect(isValidInn('500100732259')).toBe(true);
    expect(isValidInn('7736207544')).toBe(false);
    expect((await registration()).success).toBe(true);
    const typo = await registration({ inn: '7736207544' });
    expect(typo.success).toBe(false);
    expect(typo.error?.issues[0]?.message).toMatch(/контрольных цифр/);
    expect((await registration({ inn: '12345' })).error?.issues[0]?.message).toMatch(/10 цифр/);
    expect((await registration({ kpp: '' })).error?.issues[0]?.message).toMatch(/укажите КПП/);
    expect((await registration({ kpp: '77360100' })).error?.issues[0]?.message).toMatch(/КПП — 9 знаков/);
  });
});

describe('a new company', () => {
  it('registers its owner, who signs in only after confirming the address', async () => {
    const input = await registration();
    if (!input.success) throw new Error('setup');
    expect(await registerCompany(input.data, ctx)).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(users).where(eq(users.email, 'orlova@example.com'));
    expect(row).toMatchObject({ role: 'company_user', companyRole: 'owner', status: 'email_unconfirmed' });
    expect(
      (await authenticate({ door: 'company', login: 'orlova@example.com', password: PASSWORD, ip: ctx.ip })).ok,
    ).toBe(false);

    const [letter] = await t.db
      .select({ text: emailOutbox.text })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, 'orlova@example.com'), eq(emailOutbox.template, 'company_email_confirm')));
    const token = letter!.text.match(/\/lk\/register\/confirm\?token=([A-Za-z0-9_-]+)/)![1];
    expect(await confirmCompanyEmail(token, ctx)).toBe('confirmed');
    expect(await confirmCompanyEmail(token, ctx)).toBe('invalid');
    expect(
      (await authenticate({ door: 'company', login: 'orlova@example.com', password: PASSWORD, ip: ctx.ip })).ok,
    ).toBe(true);
    owner = await sessionUser(t.db, 'orlova@example.com');
  });

  it('leaves a household’s confirmation link alone', async () => {
    const household = await registrationSchema.safeParseAsync({
      accountNumber: unclaimedNumber,
      fullName: 'Кузнецов Дмитрий Андреевич',
      email: 'kuznetsov-new@example.com',
      phone: '+79160000004',
      address: 'г. Истра, ул. Ленина, д. 1',
      password: PASSWORD,
      passwordConfirm: PASSWORD,
      consent: 'on',
    });
    if (!household.success) throw new Error('setup');
    expect(await registerHousehold(household.data, { ...ctx, ip: '203.0.113.42' })).toMatchObject({ ok: true });
    const [letter] = await t.db
      .select({ text: emailOutbox.text })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, 'kuznetsov-new@example.com'), eq(emailOutbox.template, 'email_confirm')));
    const token = letter!.text.match(/confirm\?token=([A-Za-z0-9_-]+)/)![1];
    expect(await confirmCompanyEmail(token, ctx)).toBe('invalid');
    expect(await confirmRegistrationEmail(token, ctx)).toBe('confirmed');
  });

  it('cannot register the same ИНН twice', async () => {
    const again = await registration({ email: 'someone-else@example.com' });
    if (!again.success) throw new Error('setup');
    const result = await registerCompany(again.data, { ...ctx, ip: '203.0.113.41' });
    expect(result).toMatchObject({ ok: false, fieldErrors: { inn: expect.stringMatching(/уже обслуживается/) } });
    expect(await t.db.select().from(companies).where(eq(companies.inn, NEW_INN))).toHaveLength(1);
  });
});

describe('the application', () => {
  let id: string;

  it('is submitted with the company’s details and a letter', async () => {
    const created = await createApplication(companyMemberOf(owner)!, application, ctx);
    if (!created.ok) throw new Error(created.message);
    id = created.applicationId;
    const detail = await applicationDetail(id, owner.companyId!);
    expect(detail?.application).toMatchObject({
      status: 'submitted',
      companyName: 'ООО «Новая ферма»',
      inn: NEW_INN,
      kpp: '773601001',
      maxPowerKw: '150.50',
      reliabilityCategory: 3,
    });
    expect(detail?.events.map((e) => e.status)).toEqual(['submitted']);
    const letters = await t.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'company_application_update'));
    expect(letters.map((l) => l.subject)).toEqual([expect.stringMatching(/№ \d+: принята/)]);
  });

  it('takes PDF, JPEG and PNG by their bytes and refuses a renamed script, an empty and a too large file', async () => {
    const member = companyMemberOf(owner)!;
    expect(
      await addApplicationDocument(
        member,
        { applicationId: id, item: 'authority', file: file(PDF, 'prikaz.pdf', 'application/pdf') },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await addApplicationDocument(
        member,
        { applicationId: id, item: 'title', file: file(PNG, 'scan.png', 'image/png') },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    const script = new TextEncoder().encode('<script>alert(1)</script>');
    const renamed = await addApplicationDocument(
      member,
      { applicationId: id, item: 'registration', file: file(script, 'egrul.pdf', 'application/pdf') },
      ctx,
    );
    expect(renamed).toMatchObject({
      ok: false,
      fieldErrors: { file: expect.stringMatching(/не в формате PDF, JPEG или PNG/) },
    });
    const empty = await addApplicationDocument(
      member,
      { applicationId: id, item: 'registration', file: file(new Uint8Array(), 'egrul.pdf', 'application/pdf') },
      ctx,
    );
    expect(empty).toMatchObject({ ok: false, fieldErrors: { file: expect.stringMatching(/пустой/) } });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF);
    const tooBig = await addApplicationDocument(
      member,
      { applicationId: id, item: 'registration', file: file(big, 'big.pdf', 'application/pdf') },
      ctx,
    );
    expect(tooBig).toMatchObject({ ok: false, fieldErrors: { file: expect.stringMatching(/больше 5\u00a0МБ/) } });
    const files = await t.db
      .select()
      .from(companyApplicationFiles)
      .where(eq(companyApplicationFiles.applicationId, id));
    expect(files.map((f) => f.item).sort()).toEqual(['authority', 'title']);
  });

  it('is invisible to another company: detail, documents, offer and uploads', async () => {
    const other = companyMemberOf(otherOwner)!;
    expect(await applicationDetail(id, other.companyId)).toBeNull();
    const [link] = await t.db
      .select()
      .from(companyApplicationFiles)
      .where(eq(companyApplicationFiles.applicationId, id));
    expect(await applicationFileId(id, link!.id, other.companyId)).toBeNull();
    expect((await get(documentRoute.GET, otherOwner, { id, fileId: link!.id })).status).toBe(404);
    expect((await get(documentRoute.GET, owner, { id, fileId: link!.id })).status).toBe(200);
    // Inside that other company, the accountant's role does not open applications either.
    expect((await get(documentRoute.GET, otherAccountant, { id, fileId: link!.id })).status).toBe(404);
    const upload = await addApplicationDocument(
      other,
      { applicationId: id, item: 'other', file: file(PDF, 'x.pdf', 'application/pdf') },
      ctx,
    );
    expect(upload).toMatchObject({ ok: false, message: 'Заявка не найдена' });
  });

  it('moves along the allowed edges only, with a letter and an audit line each time', async () => {
    // Not yet in review: documents cannot be requested and no contract offered.
    expect(await moveApplication(staff, id, { to: 'contract_offered', contractNumber: 'ЮЛ-1' }, ctx)).toMatchObject({
      ok: false,
    });
    expect(await returnToReview(companyMemberOf(owner)!, id, ctx)).toMatchObject({ ok: false });
    expect(await moveApplication(staff, id, { to: 'in_review' }, ctx)).toMatchObject({ ok: true });
    expect(
      await moveApplication(staff, id, { to: 'documents_requested', message: 'Выписка из ЕГРЮЛ' }, ctx),
    ).toMatchObject({ ok: true });
    expect(await returnToReview(companyMemberOf(owner)!, id, ctx)).toMatchObject({ ok: true });
    expect(
      await moveApplication(staff, id, { to: 'contract_offered', contractNumber: 'ЮЛ-2026/77' }, ctx),
    ).toMatchObject({ ok: true });

    const detail = await applicationDetail(id, owner.companyId!);
    expect(
      detail?.events.filter((e) => e.note === null || !e.note.startsWith('Приложен')).map((e) => e.status),
    ).toEqual(['submitted', 'in_review', 'documents_requested', 'in_review', 'contract_offered']);
    const offer = await get(offerRoute.GET, owner, { id });
    expect(offer.status).toBe(200);
    expect(offer.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await offer.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect((await get(offerRoute.GET, otherOwner, { id })).status).toBe(404);

    const subjects = (
      await t.db
        .select({ subject: emailOutbox.subject })
        .from(emailOutbox)
        .where(eq(emailOutbox.template, 'company_application_update'))
    ).map((l) => l.subject);
    expect(subjects.some((s) => /договор предложен/.test(s))).toBe(true);
    expect(subjects.some((s) => /нужны документы/.test(s))).toBe(true);
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'application.status_changed'), eq(auditLog.actorUserId, staff.id)));
    expect(audited.length).toBe(3);

    // A documents upload after the offer is refused; signing ends it; nothing moves after that.
    expect(
      await addApplicationDocument(
        companyMemberOf(owner)!,
        { applicationId: id, item: 'other', file: file(PDF, 'x.pdf', 'application/pdf') },
        ctx,
      ),
    ).toMatchObject({ ok: false });
    expect(await moveApplication(staff, id, { to: 'signed' }, ctx)).toMatchObject({ ok: true });
    expect(await moveApplication(staff, id, { to: 'refused', reason: 'Поздно' }, ctx)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/изменить её нельзя/),
    });
  });

  it('is guarded by the database too: a skipped edge, a change after the end, a rewritten timeline', async () => {
    const created = await createApplication(companyMemberOf(owner)!, application, ctx);
    if (!created.ok) throw new Error(created.message);
    const fresh = created.applicationId;
    const skip = await refusal(
      t.db.update(companyApplications).set({ status: 'signed' }).where(eq(companyApplications.id, fresh)),
    );
    expect(skip?.code).toBe('23514');
    expect(
      await moveApplication(staff, fresh, { to: 'refused', reason: 'Объект вне зоны обслуживания' }, ctx),
    ).toMatchObject({ ok: true });
    const afterEnd = await refusal(
      t.db.update(companyApplications).set({ comment: 'x' }).where(eq(companyApplications.id, fresh)),
    );
    expect(afterEnd?.code).toBe('23514');
    const rewrite = await refusal(
      t.db.delete(companyApplicationEvents).where(eq(companyApplicationEvents.applicationId, fresh)),
    );
    expect(rewrite?.code).toBe('23001');
    const startLate = await refusal(
      t.db.insert(companyApplications).values({
        companyId: owner.companyId!,
        companyName: 'x',
        inn: NEW_INN,
        contactName: 'x',
        email: 'x@example.com',
        phone: '+79000000000',
        objectAddress: 'x',
        maxPowerKw: '1',
        reliabilityCategory: 3,
        status: 'in_review',
      }),
    );
    expect(startLate?.code).toBe('23514');
  });

  it('the trigger lists exactly the edges of the pure table', () => {
    const edges = allowedApplicationEdges().map(([a, b]) => `${a}>${b}`);
    expect(edges).toHaveLength(9);
    for (const from of APPLICATION_STATUSES)
      for (const to of APPLICATION_STATUSES) {
        const someone =
          checkApplicationTransition(from, to, 'staff').ok || checkApplicationTransition(from, to, 'applicant').ok;
        expect(someone, `${from}>${to}`).toBe(edges.includes(`${from}>${to}`));
      }
    expect(checkApplicationTransition('documents_requested', 'in_review', 'applicant').ok).toBe(true);
    expect(checkApplicationTransition('in_review', 'contract_offered', 'applicant')).toEqual({
      ok: false,
      reason: 'Это действие выполняет сотрудник',
    });
  });
});
