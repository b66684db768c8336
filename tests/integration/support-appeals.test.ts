// Appeals on a real database: a number and a deadline counted in working days of the production
// calendar (and per topic as staff set it), another appellant's appeal unseen on every path, a
// guest's appeal invisible to staff until the letter's link confirms it, attachments checked by
// their bytes, a failed write leaving nothing behind, and staff's answers, notes and statistics.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  appealAttachments,
  appealMessages,
  appeals,
  auditLog,
  emailOutbox,
  storedFiles,
  workCalendarDays,
} from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { cabinetAppealSchema, guestAppealSchema } from '@/lib/support/appeal-schemas';
import {
  appealFileId,
  appealForAppellant,
  appealForStaff,
  appealScopeOf,
  closeAppeal,
  confirmGuestAppeal,
  fileCabinetAppeal,
  fileGuestAppeal,
  listAppeals,
  readGuestAppealKey,
  replyAsAppellant,
} from '@/lib/support/appeals';
import {
  addInternalNote,
  answerAppeal,
  monthlyStats,
  saveTopicDeadline,
  staffAppealQueue,
} from '@/lib/support/appeals-staff';
import {
  createAppeal,
  createCompanyUser,
  createCompanyMember,
  createHousehold,
  createUser,
  createUtilityProfile,
} from '../support/factories';
import { signInAs } from '../support/signed-in-browser';
import { dbErrorOf, useTestDatabase } from '../support/test-db';

vi.mock('@/auth', () => import('../support/signed-in-browser').then((m) => m.authModule()));
vi.mock('@/lib/email/outbox', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/email/outbox')>()),
  kickEmailDelivery: () => {},
}));
process.env.AUTH_SECRET ??= 'integration-test-secret-appeals-appeals';

const { GET: fizFile } = await import('@/app/fiz/(cabinet)/appeals/[id]/files/[fileId]/route');
const { GET: guestFile } = await import('@/app/(public)/support/appeals/[key]/files/[fileId]/route');

const t = useTestDatabase();
// Thursday 3 December 2026, 12:00 in Moscow.
const now = new Date('2026-12-03T09:00:00Z');
const ctx = { ip: '203.0.113.7', origin: 'https://lk.example.test', now };

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const file = (bytes: Uint8Array, name: string, type: string) => new File([bytes as BlobPart], name, { type });
const cabinet = (fields: Record<string, unknown>) =>
  cabinetAppealSchema.parse({ topic: 'readings', text: 'Не принимаются показания', ...fields });
const count = async (table: typeof appeals | typeof storedFiles | typeof appealMessages) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

let ivanova: { accountId: string; number: string; user: SessionUser };
let petrov: { accountId: string; number: string; user: SessionUser };
let staff: SessionUser;

beforeAll(async () => {
  await createUtilityProfile(t.db);
  ivanova = await createHousehold(t.db, { user: { email: 'ivanova@example.test', fullName: 'Иванова Мария' } });
  petrov = await createHousehold(t.db);
  staff = await createUser(t.db, { fullName: 'Оператор Смирнова' });
  // Monday 7 December is a holiday of this calendar.
  await t.db.insert(workCalendarDays).values({ day: '2026-12-07', working: false, note: 'Тестовый выходной' });
});

describe('filing from a cabinet', () => {
  it('gives a number at once and a deadline in working days, skipping weekends and holidays', async () => {
    const filed = await fileCabinetAppeal(
      ivanova.user,
      cabinet({ accountId: ivanova.accountId, attachment1: file(JPEG, 'щиток.jpg', 'image/jpeg') }),
      ctx,
    );
    expect(filed).toMatchObject({ ok: true, number: expect.stringMatching(/^О-2026-\d{6}$/) });
    if (!filed.ok) return;
    // Readings: 5 working days after Thu 3 Dec — Fri 4, (Sat, Sun, holiday Mon 7), 8, 9, 10, 11.
    expect(filed.dueOn).toBe('2026-12-11');
    const mine = await appealForAppellant(filed.appealId, appealScopeOf(ivanova.user));
    expect(mine).toMatchObject({ status: 'open', accountNumber: ivanova.number, dueOn: '2026-12-11' });
    expect(mine!.messages[0]!.files).toHaveLength(1);
  });

  it('uses the working days staff set for the topic, for appeals filed after the change', async () => {
    expect(await saveTopicDeadline(staff, { topic: 'outage', workingDays: 2 }, ctx)).toMatchObject({ ok: true });
    const filed = await fileCabinetAppeal(ivanova.user, cabinet({ topic: 'outage' }), ctx);
    // Fri 4, then Tue 8 (the holiday skipped).
    expect(filed).toMatchObject({ ok: true, dueOn: '2026-12-08' });
    const [trail] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'appeal_deadline.saved'));
    expect(trail).toMatchObject({ actorUserId: staff.id, subjectId: 'outage' });
  });

  it('refuses an attachment that is not what its name says, and writes nothing', async () => {
    const before = [await count(appeals), await count(storedFiles), await count(appealMessages)];
    const fake = file(new TextEncoder().encode('<script>alert(1)</script>'), 'фото.jpg', 'image/jpeg');
    expect(await fileCabinetAppeal(ivanova.user, cabinet({ attachment2: fake }), ctx)).toMatchObject({
      ok: false,
      fieldErrors: { attachment2: expect.stringMatching(/не в формате/) },
    });
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(JPEG);
    expect(
      await fileCabinetAppeal(ivanova.user, cabinet({ attachment1: file(big, 'big.jpg', 'image/jpeg') }), ctx),
    ).toMatchObject({ ok: false, fieldErrors: { attachment1: expect.stringMatching(/больше 2\u00a0МБ/) } });
    expect([await count(appeals), await count(storedFiles), await count(appealMessages)]).toEqual(before);
  });

  it('refuses an account that is not the appellant’s', async () => {
    expect(await fileCabinetAppeal(ivanova.user, cabinet({ accountId: petrov.accountId }), ctx)).toMatchObject({
      ok: false,
      fieldErrors: { accountId: expect.any(String) },
    });
  });

  it('leaves nothing half-written when a write fails in the middle', async () => {
    const before = [await count(appeals), await count(storedFiles), await count(appealMessages)];
    await t.db.execute(sql`
      create function appeal_attachments_fail() returns trigger language plpgsql as $$
      begin raise exception 'attachment write failed'; end $$;
      create trigger appeal_attachments_fail before insert on appeal_attachments
        for each row execute function appeal_attachments_fail();`);
    try {
      await expect(
        fileCabinetAppeal(ivanova.user, cabinet({ attachment1: file(JPEG, 'a.jpg', 'image/jpeg') }), ctx),
      ).rejects.toThrow();
    } finally {
      await t.db.execute(sql`drop trigger appeal_attachments_fail on appeal_attachments;
        drop function appeal_attachments_fail();`);
    }
    expect([await count(appeals), await count(storedFiles), await count(appealMessages)]).toEqual(before);
  });
});

describe('ownership', () => {
  it('hides another household’s or another company’s appeal on every path', async () => {
    const filed = await fileCabinetAppeal(
      ivanova.user,
      cabinet({ attachment1: file(JPEG, 'щиток.jpg', 'image/jpeg') }),
      ctx,
    );
    if (!filed.ok) throw new Error('filing failed');
    const [attachment] = await t.db
      .select({ fileId: appealAttachments.fileId })
      .from(appealAttachments)
      .innerJoin(appealMessages, eq(appealMessages.id, appealAttachments.messageId))
      .where(eq(appealMessages.appealId, filed.appealId));
    const fileId = attachment!.fileId;
    const company = await createCompanyUser(t.db);
    for (const other of [petrov.user, company.user]) {
      const scope = appealScopeOf(other);
      expect(await appealForAppellant(filed.appealId, scope)).toBeNull();
      expect(await appealFileId(filed.appealId, fileId, scope)).toBeNull();
      expect((await listAppeals(scope)).map((a) => a.id)).not.toContain(filed.appealId);
      expect(await replyAsAppellant(scope, other.id, { appealId: filed.appealId, text: 'чужое' }, {})).toMatchObject({
        ok: false,
      });
      expect(await closeAppeal(scope, other.id, { appealId: filed.appealId, rating: 1 }, ctx)).toMatchObject({
        ok: false,
      });
    }
    const get = async (user: SessionUser | null) => {
      await signInAs(user);
      return fizFile(new Request(`http://test.local/fiz/appeals/${filed.appealId}/files/${fileId}`), {
        params: Promise.resolve({ id: filed.appealId, fileId }),
      });
    };
    const mine = await get(ivanova.user);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/jpeg');
    expect((await get(petrov.user)).status).toBe(404);
    expect((await t.db.select().from(appeals).where(eq(appeals.id, filed.appealId)))[0]!.status).toBe('open');
  });
});

describe('a company’s appeals', () => {
  it('are seen by every member of the company and by no other company; the answer letter links to /lk', async () => {
    const owner = await createCompanyUser(t.db);
    const engineer = await createCompanyMember(t.db, owner.companyId, 'engineer');
    const stranger = await createCompanyUser(t.db);
    const filed = await fileCabinetAppeal(owner.user, cabinet({ topic: 'connection' }), ctx);
    if (!filed.ok) throw new Error('filing failed');
    expect(await appealForAppellant(filed.appealId, appealScopeOf(engineer))).toMatchObject({ topic: 'connection' });
    expect(await appealForAppellant(filed.appealId, appealScopeOf(stranger.user))).toBeNull();
    // The owner's own household-style scope does not reach it either: it belongs to the company.
    expect(await appealForAppellant(filed.appealId, { kind: 'person', userId: owner.user.id })).toBeNull();
    expect(
      await answerAppeal(staff, { appealId: filed.appealId, text: 'Заявку примем в кабинете.' }, ctx),
    ).toMatchObject({
      ok: true,
    });
    const [letter] = await t.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, owner.user.email), eq(emailOutbox.template, 'appeal_update')));
    expect(letter!.text).toContain(`/lk/appeals/${filed.appealId}`);
  });
});

describe('a guest’s appeal', () => {
  it('is invisible to staff until the link of the letter confirms the e-mail', async () => {
    const input = guestAppealSchema.parse({
      name: 'Сидоров Пётр',
      email: 'Guest@Example.test',
      topic: 'payment_not_credited',
      accountNumber: '500 100 02',
      text: 'Оплатил 1 декабря, не вижу платежа',
      consent: 'on',
    });
    const filed = await fileGuestAppeal(input, ctx);
    expect(filed).toMatchObject({ ok: true, number: expect.stringMatching(/^О-2026-/) });
    const [row] = await t.db.select().from(appeals).where(eq(appeals.guestEmail, 'guest@example.test'));
    expect(row).toMatchObject({ status: 'awaiting_email_confirmation', dueOn: null, guestAccountNumber: '50010002' });
    expect((await staffAppealQueue({ now })).map((r) => r.id)).not.toContain(row!.id);
    expect(await appealForStaff(row!.id)).toBeNull();

    const [letter] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'guest@example.test'));
    expect(letter).toMatchObject({ template: 'appeal_confirm' });
    const link = letter!.text.match(/https:\/\/lk\.example\.test\/support\/appeals\/(\S+)/);
    expect(link).not.toBeNull();
    const key = link![1]!;
    expect(readGuestAppealKey(key)).toBe(row!.id);
    // A key for another id, or with its signature changed, opens nothing.
    expect(await confirmGuestAppeal(`${row!.id}.${'A'.repeat(43)}`, ctx)).toMatchObject({ ok: false });
    expect(readGuestAppealKey(key.replace(row!.id, ivanova.user.id))).toBeNull();

    // Confirmed on Friday 4 December: 3 working days — Tue 8, Wed 9, Thu 10 (the holiday skipped).
    const friday = new Date('2026-12-04T10:00:00Z');
    expect(await confirmGuestAppeal(key, { ip: ctx.ip, now: friday })).toMatchObject({ ok: true, appealId: row!.id });
    expect(await appealForStaff(row!.id)).toMatchObject({ status: 'open', dueOn: '2026-12-10' });
    expect((await staffAppealQueue({ now })).map((r) => r.id)).toContain(row!.id);
    // Opening the link again changes nothing.
    expect(await confirmGuestAppeal(key, { ip: ctx.ip, now })).toMatchObject({ ok: true });
    expect(await appealForStaff(row!.id)).toMatchObject({ dueOn: '2026-12-10' });
  });
});

describe('staff', () => {
  it('answers by letter, keeps notes internal, and the appellant closes and rates', async () => {
    const filed = await fileCabinetAppeal(ivanova.user, cabinet({ topic: 'billing_dispute' }), ctx);
    if (!filed.ok) throw new Error('filing failed');
    const id = filed.appealId;
    expect(await addInternalNote(staff, { appealId: id, text: 'Проверить показания за октябрь' }, ctx)).toMatchObject({
      ok: true,
    });
    const later = new Date('2026-12-08T09:00:00Z');
    expect(
      await answerAppeal(staff, { appealId: id, text: 'Начисление пересчитано.' }, { ...ctx, now: later }),
    ).toMatchObject({
      ok: true,
    });
    const seen = await appealForAppellant(id, appealScopeOf(ivanova.user));
    expect(seen!.status).toBe('answered');
    expect(seen!.messages.map((m) => m.body)).toEqual(['Не принимаются показания', 'Начисление пересчитано.']);
    expect(seen!.messages[1]!.authorName).toBeNull();
    const full = await appealForStaff(id);
    expect(full!.messages.filter((m) => m.internal).map((m) => m.body)).toEqual(['Проверить показания за октябрь']);
    expect(full!.assigneeId).toBe(staff.id);

    const letters = await t.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, 'ivanova@example.test'), eq(emailOutbox.template, 'appeal_update')));
    expect(letters).toHaveLength(1);
    expect(letters[0]!.text).toContain('Начисление пересчитано.');
    expect(letters[0]!.text).toContain(`https://lk.example.test/fiz/appeals/${id}`);
    expect(letters[0]!.text).not.toContain('октябрь');

    const actions = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.actorUserId, staff.id)));
    expect(actions.map((a) => a.action).sort()).toEqual(['appeal.answered', 'appeal.note_added']);

    expect(
      await closeAppeal(appealScopeOf(ivanova.user), ivanova.user.id, { appealId: id, rating: 5 }, ctx),
    ).toMatchObject({ ok: true });
    expect(await appealForAppellant(id, appealScopeOf(ivanova.user))).toMatchObject({ status: 'closed', rating: 5 });
    expect(await answerAppeal(staff, { appealId: id, text: 'ещё' }, ctx)).toMatchObject({ ok: false });
  });

  it('holds the rating range and the number’s uniqueness in the database', async () => {
    const a = await createAppeal(t.db, petrov.user);
    const rate = (rating: number) =>
      t.db.update(appeals).set({ status: 'closed', closedAt: now, rating }).where(eq(appeals.id, a.id));
    await expect(rate(6)).rejects.toSatisfy((e) => dbErrorOf(e).constraint === 'appeals_rating_range');
    await expect(rate(0)).rejects.toSatisfy((e) => dbErrorOf(e).constraint === 'appeals_rating_range');
    await expect(createAppeal(t.db, petrov.user, { number: a.number })).rejects.toSatisfy(
      (e) => dbErrorOf(e).constraint === 'appeals_number_key',
    );
  });

  it('lists overdue appeals first and counts the month: received, answered in time, overdue', async () => {
    const overdue = await createAppeal(t.db, petrov.user, {
      openedAt: new Date('2026-11-20T09:00:00Z'),
      dueOn: '2026-11-27',
    });
    const queue = await staffAppealQueue({ now });
    expect(queue[0]).toMatchObject({ id: overdue.id, overdue: true });
    expect(queue.filter((r) => r.overdue).map((r) => r.id)).toEqual([overdue.id]);

    const november = (await monthlyStats(now)).find((s) => s.month === '2026-11-01');
    expect(november).toEqual({ month: '2026-11-01', received: 1, answeredInTime: 0, overdue: 1 });
    const december = (await monthlyStats(now)).find((s) => s.month === '2026-12-01')!;
    // The household’s and the company’s appeals answered above, both before their last day.
    expect(december.answeredInTime).toBe(2);
    expect(december.overdue).toBe(0);
  });
});

describe('staff’s answers with files', () => {
  it('attaches files to an answer under the appellant’s rules; the appellant downloads them, nobody else', async () => {
    const filed = await fileCabinetAppeal(ivanova.user, cabinet({ topic: 'billing_dispute' }), ctx);
    if (!filed.ok) throw new Error('filing failed');
    const id = filed.appealId;
    const before = [await count(storedFiles), await count(appealMessages)];
    const fake = file(new TextEncoder().encode('%PDF? no, a script'), 'акт.pdf', 'application/pdf');
    expect(await answerAppeal(staff, { appealId: id, text: 'Акт во вложении.', attachment1: fake }, ctx)).toMatchObject(
      {
        ok: false,
        fieldErrors: { attachment1: expect.stringMatching(/не в формате/) },
      },
    );
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(JPEG);
    expect(
      await answerAppeal(staff, { appealId: id, text: 'Акт.', attachment3: file(big, 'big.jpg', 'image/jpeg') }, ctx),
    ).toMatchObject({ ok: false, fieldErrors: { attachment3: expect.stringMatching(/больше 2\u00a0МБ/) } });
    expect([await count(storedFiles), await count(appealMessages)]).toEqual(before);
    expect((await appealForAppellant(id, appealScopeOf(ivanova.user)))!.status).toBe('open');

    expect(
      await answerAppeal(
        staff,
        { appealId: id, text: 'Акт сверки во вложении.', attachment1: file(JPEG, 'акт сверки.jpg', 'image/jpeg') },
        ctx,
      ),
    ).toMatchObject({ ok: true });
    const seen = await appealForAppellant(id, appealScopeOf(ivanova.user));
    const answer = seen!.messages.find((m) => m.author === 'staff')!;
    expect(answer.files.map((f) => f.fileName)).toEqual(['акт сверки.jpg']);
    const fileId = answer.files[0]!.id;
    const [trail] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, id), eq(auditLog.action, 'appeal.answered')));
    expect(trail!.details).toMatchObject({ files: 1 });

    const get = async (user: SessionUser | null) => {
      await signInAs(user);
      return fizFile(new Request(`http://test.local/fiz/appeals/${id}/files/${fileId}`), {
        params: Promise.resolve({ id, fileId }),
      });
    };
    const mine = await get(ivanova.user);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(JPEG);
    expect((await get(petrov.user)).status).toBe(404);
    expect(await appealFileId(id, fileId, appealScopeOf(petrov.user))).toBeNull();
  });

  it('lets a guest download staff’s file by the letter’s key, and nothing with another key', async () => {
    const input = guestAppealSchema.parse({
      name: 'Гостева Анна',
      email: 'anna.guest@example.test',
      topic: 'other',
      text: 'Пришлите, пожалуйста, договор',
      consent: 'on',
      attachment1: file(JPEG, 'паспорт счётчика.jpg', 'image/jpeg'),
    });
    expect(await fileGuestAppeal(input, ctx)).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(appeals).where(eq(appeals.guestEmail, 'anna.guest@example.test'));
    const [letter] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'anna.guest@example.test'));
    const key = letter!.text.match(/\/support\/appeals\/(\S+)/)![1]!;
    expect(await confirmGuestAppeal(key, ctx)).toMatchObject({ ok: true });
    expect(
      await answerAppeal(
        staff,
        { appealId: row!.id, text: 'Договор во вложении.', attachment1: file(JPEG, 'договор.jpg', 'image/jpeg') },
        { ...ctx, now: new Date('2026-12-04T09:00:00Z') },
      ),
    ).toMatchObject({ ok: true });
    const thread = (await appealForAppellant(row!.id, { kind: 'guest', appealId: row!.id }))!.messages;
    expect(thread.map((m) => m.files.map((f) => f.fileName))).toEqual([['паспорт счётчика.jpg'], ['договор.jpg']]);
    const fileId = thread[1]!.files[0]!.id;
    const open = (k: string) =>
      guestFile(new Request(`http://test.local/support/appeals/${k}/files/${fileId}`), {
        params: Promise.resolve({ key: k, fileId }),
      });
    const served = await open(key);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect((await open(`${row!.id}.${'A'.repeat(43)}`)).status).toBe(404);
    const other = await fileGuestAppeal({ ...input, email: 'other.guest@example.test', attachment1: undefined }, ctx);
    expect(other.ok).toBe(true);
    const [otherLetter] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'other.guest@example.test'));
    expect((await open(otherLetter!.text.match(/\/support\/appeals\/(\S+)/)![1]!)).status).toBe(404);
  });
});
