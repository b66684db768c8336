import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, news, outageAddresses, outages, tariffs } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import type { SessionUser } from '@/lib/auth/session';
import { getPublishedNews, listNews } from '@/lib/content/news';
import { saveNews, unpublishNews } from '@/lib/content/news-admin';
import { newsSchema } from '@/lib/content/news-schema';
import { outageSchema } from '@/lib/content/outage-schema';
import { createOutage, listAddressBook, outagesAtAddress, resolveOutage } from '@/lib/content/outages-admin';
import { listTariffPeriods, periodInForce } from '@/lib/content/tariffs';
import { documentSchema } from '@/lib/content/document-schema';
import { listDocuments } from '@/lib/content/documents';
import { saveDocument } from '@/lib/content/documents-admin';
import { checkUpload } from '@/lib/files/check-upload';
import { readStoredFile } from '@/lib/files/stored-files';
import { moscowDay } from '@/lib/format/dates';
import { tariffSetSchema } from '@/lib/tariffs/tariff-set-schema';
import { createTariffSet } from '@/lib/tariffs/tariff-sets';
import {
  billPeriod,
  createAccount,
  createMeteredAccount,
  createUser,
  createUtilityProfile,
} from '../support/factories';
import { dbErrorOf, useTestDatabase } from '../support/test-db';

// Staff publishing against a real database with the t tariffs, October billed on one of them: what the public readers return after each
// write, what the database itself refuses, and the audit line every write leaves.

const now = new Date('2026-11-20T09:00:00Z');
const t = useTestDatabase();
let staffUser: SessionUser;

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  staffUser = await createUser(t.db, { email: 'operator@example.test', fullName: 'Смирнова Елена Андреевна' });
  // The address book the outage form offers; the first account is billed for October at the urban one-rate tariff.
  await createMeteredAccount(t.db, {
    account: { settlement: 'г. Истра', street: 'ул. Советская', house: '12' },
    registers: [
      ['2026-09-01', { all_day: 4_000 }],
      ['2026-10-01', { all_day: 4_150 }],
    ],
  });
  for (const street of ['ул. Ленина', 'ул. Садовая', 'ул. Первомайская']) {
    await createAccount(t.db, { settlement: 'г. Истра', street, house: '7' });
  }
  await billPeriod('2026-10-01');
});

async function operator(): Promise<SessionUser> {
  return staffUser;
}

async function auditActions(subjectId: string) {
  const rows = await t.db.select().from(auditLog).where(eq(auditLog.subjectId, subjectId));
  return rows.map((r) => r.action);
}

describe('news', () => {
  it('keeps a draft off the site, publishes it, and withdraws it; HTML stays text', async () => {
    const staff = await operator();
    const draft = newsSchema.parse({
      id: '',
      title: 'Новые тарифы <b>с 1 января</b>',
      summary: 'Кратко',
      body: 'Абзац <script>alert(1)</script>\n\n- один\n- два',
      mode: 'draft',
    });
    const saved = await saveNews(staff, draft, now);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.slug).toBe('novye-tarify-b-s-1-yanvarya-b');
    expect(await getPublishedNews(saved.slug)).toBeNull();

    const published = await saveNews(staff, { ...draft, id: saved.id, mode: 'now' }, now);
    expect(published.ok && published.state).toBe('published');
    const onSite = await getPublishedNews(saved.slug);
    expect(onSite?.body).toContain('<script>'); // stored as typed; the renderer shows it as text
    const { items } = await listNews({ now: new Date(now.getTime() + 1000) });
    expect(items.map((i) => i.slug)).toContain(saved.slug);

    expect((await unpublishNews(staff, saved.id)).ok).toBe(true);
    expect(await getPublishedNews(saved.slug)).toBeNull();
    expect(await auditActions(saved.id)).toEqual(['news.saved', 'news.saved', 'news.unpublished']);
  });

  it('schedules an item for a Moscow time and gives a second item of the same title its own address', async () => {
    const staff = await operator();
    const input = newsSchema.parse({
      title: 'Плановые работы',
      summary: 'Кратко',
      body: 'Текст',
      mode: 'at',
      publishAt: '2026-12-01T10:00',
    });
    const first = await saveNews(staff, input, now);
    const second = await saveNews(staff, input, now);
    expect(first.ok && first.state).toBe('scheduled');
    expect(second.ok && second.slug).toBe('planovye-raboty-2');
    const [row] = await t.db.select().from(news).where(eq(news.slug, 'planovye-raboty'));
    expect(row!.publishedAt!.toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });
});

describe('outages', () => {
  it('offers the settlements and streets the accounts have', async () => {
    const book = await listAddressBook();
    const istra = book.find((b) => b.settlement === 'г. Истра');
    expect(istra?.streets).toEqual(expect.arrayContaining(['ул. Советская', 'ул. Ленина']));
  });

  it('publishes an emergency outage for chosen houses and finds it by an account address', async () => {
    const staff = await operator();
    const input = outageSchema.parse({
      kind: 'emergency',
      settlement: 'г. Истра',
      street: ['ул. Садовая', 'ул. Первомайская'],
      'houses:ул. Садовая': '1–10, 12а',
      'houses:ул. Первомайская': '',
      reason: 'повреждение кабельной линии',
      startsAt: '2026-11-20T11:30',
      endsAt: '',
      estimateHours: '4',
    });
    const created = await createOutage(staff, input, now);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const [row] = await t.db.select().from(outages).where(eq(outages.id, created.id));
    expect(row).toMatchObject({
      kind: 'emergency',
      streets: 'ул. Садовая, д. 1–10, 12а; ул. Первомайская, все дома',
      startsAt: new Date('2026-11-20T08:30:00Z'),
      endsAt: new Date('2026-11-20T12:30:00Z'),
    });
    expect(await t.db.select().from(outageAddresses).where(eq(outageAddresses.outageId, created.id))).toHaveLength(2);

    const at = (street: string, house: string) =>
      outagesAtAddress({ settlement: 'г. Истра', street, house }, now).then((list) => list.map((o) => o.id));
    expect(await at('ул. Садовая', '7')).toContain(created.id);
    expect(await at('ул. Садовая', '12А')).toContain(created.id);
    expect(await at('ул. Садовая', '11')).not.toContain(created.id);
    expect(await at('ул. Первомайская', '40')).toContain(created.id);
    expect(await at('ул. Ленина', '7')).not.toContain(created.id);

    expect((await resolveOutage(staff, created.id, new Date(now.getTime() + 3_600_000))).ok).toBe(true);
    expect(await at('ул. Садовая', '7')).not.toContain(created.id);
    expect(await auditActions(created.id)).toEqual(['outage.created', 'outage.resolved']);
  });

  it('refuses a planned outage without an end, a house list it cannot read, and an unknown street', async () => {
    const base = {
      kind: 'planned',
      settlement: 'г. Истра',
      street: 'ул. Садовая',
      reason: 'ремонт',
      startsAt: '2026-11-25T09:00',
    };
    expect(outageSchema.safeParse({ ...base, endsAt: '' }).success).toBe(false);
    const badHouses = outageSchema.safeParse({
      ...base,
      endsAt: '2026-11-25T15:00',
      'houses:ул. Садовая': 'возле рынка',
    });
    expect(badHouses.error?.issues[0]?.path).toEqual(['houses:ул. Садовая']);
    const staff = await operator();
    const unknown = await createOutage(
      staff,
      outageSchema.parse({ ...base, street: 'ул. Несуществующая', endsAt: '2026-11-25T15:00' }),
      now,
    );
    expect(unknown.ok).toBe(false);
  });
});

describe('tariffs', () => {
  const form = (month: string, price: string, extra: Record<string, string> = {}) =>
    tariffSetSchema.parse({
      category: 'rural_or_stove',
      zonePlan: '1',
      effectiveMonth: month,
      'price:all_day:0': price,
      ...extra,
    });

  it('adds next year’s set, closes the one in force the day before, and shows both', async () => {
    const staff = await operator();
    const result = await createTariffSet(staff, form('2027-07', '7,50', { decree: 'Распоряжение № 1' }));
    expect(result.ok).toBe(true);
    const rows = await t.db
      .select()
      .from(tariffs)
      .where(and(eq(tariffs.category, 'rural_or_stove'), eq(tariffs.zonePlan, 1)));
    const byStart = Object.fromEntries(rows.map((r) => [r.effectiveFrom, r]));
    expect(byStart['2026-10-01']!.effectiveTo).toBe('2027-06-30');
    expect(byStart['2027-07-01']).toMatchObject({ priceKopecks: 750, effectiveTo: null, decree: 'Распоряжение № 1' });
    // The other category keeps its rate in force on the public page.
    const periods = await listTariffPeriods();
    const july = periodInForce(periods, '2027-07-15')!;
    expect(july.rates.some((r) => r.category === 'urban' && r.zonePlan === 1)).toBe(true);
    expect(july.rates.find((r) => r.category === 'rural_or_stove' && r.zonePlan === 1)?.priceKopecks).toBe(750);
  });

  it('refuses a set starting on or before the last one, writing nothing', async () => {
    const staff = await operator();
    const before = await t.db.select().from(tariffs);
    const result = await createTariffSet(staff, form('2027-07', '8,00'));
    expect(result.ok).toBe(false);
    const earlier = await createTariffSet(staff, form('2027-03', '8,00'));
    expect(earlier.ok).toBe(false);
    expect(await t.db.select().from(tariffs)).toHaveLength(before.length);
  });

  it('is refused by the database itself when two tariffs of one kind overlap', async () => {
    const error = await t.db
      .insert(tariffs)
      .values({
        category: 'urban',
        zonePlan: 2,
        zone: 'night',
        rangeFromKwh: 100,
        priceKopecks: 500,
        effectiveFrom: '2026-11-01',
        effectiveTo: '2026-11-30',
      })
      .catch((e: unknown) => e);
    expect(dbErrorOf(error)).toMatchObject({ code: '23P01', constraint: 'tariffs_no_overlap' });
  });

  it('keeps a tariff a bill used: no new price, no start or end moved before the billed months', async () => {
    const [billed] = await t.db
      .select()
      .from(tariffs)
      .where(and(eq(tariffs.category, 'urban'), eq(tariffs.zonePlan, 1), isNull(tariffs.effectiveTo)));
    const priceChange = await t.db
      .update(tariffs)
      .set({ priceKopecks: billed!.priceKopecks + 1 })
      .where(eq(tariffs.id, billed!.id))
      .catch((e: unknown) => e);
    expect(dbErrorOf(priceChange).code).toBe('23001');
    // October is billed with it: it cannot end inside October, but may end after it.
    const endInside = await t.db
      .update(tariffs)
      .set({ effectiveTo: '2026-10-15' })
      .where(eq(tariffs.id, billed!.id))
      .catch((e: unknown) => e);
    expect(dbErrorOf(endInside).code).toBe('23001');
    await t.db.update(tariffs).set({ effectiveTo: '2026-12-31' }).where(eq(tariffs.id, billed!.id));
    await t.db.update(tariffs).set({ effectiveTo: null }).where(eq(tariffs.id, billed!.id));
    const [still] = await t.db.select().from(tariffs).where(eq(tariffs.id, billed!.id));
    expect(still).toMatchObject({ priceKopecks: billed!.priceKopecks, effectiveTo: null });
  });

  it('reads volume ranges from the form and refuses a price that is not a price', () => {
    const parsed = tariffSetSchema.parse({
      category: 'urban',
      zonePlan: '2',
      effectiveMonth: '2027-01',
      break1: '3900',
      'price:day:0': '11,26',
      'price:day:1': '14,00',
      'price:night:0': '3,92',
      'price:night:1': '5',
    });
    expect(parsed.rates).toEqual([
      { zone: 'day', rangeFromKwh: 0, rangeToKwh: 3900, priceKopecks: 1126 },
      { zone: 'day', rangeFromKwh: 3900, rangeToKwh: null, priceKopecks: 1400 },
      { zone: 'night', rangeFromKwh: 0, rangeToKwh: 3900, priceKopecks: 392 },
      { zone: 'night', rangeFromKwh: 3900, rangeToKwh: null, priceKopecks: 500 },
    ]);
    const bad = tariffSetSchema.safeParse({
      category: 'urban',
      zonePlan: '1',
      effectiveMonth: '2027-01',
      'price:all_day:0': '9,7,9',
    });
    expect(bad.error?.issues[0]?.path).toEqual(['price:all_day:0']);
  });
});

describe('documents', () => {
  const pdf = new File([new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF')], 'Договор.pdf');
  const rule = { accept: ['application/pdf'] as const, maxBytes: 8 * 1024 * 1024 };

  it('publishes a PDF for companies, in the companies’ list only, and refuses a file that is not a PDF', async () => {
    const staff = await operator();
    const checked = await checkUpload(pdf, { ...rule, accept: [...rule.accept] });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const input = documentSchema.parse({
      title: 'Договор энергоснабжения для юрлиц',
      summary: 'Типовая форма',
      category: 'contracts',
      version: 'ред. от 01.12.2026',
      audience: 'companies',
    });
    const saved = await saveDocument(staff, input, checked.file);
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const forCompanies = await listDocuments('companies');
    const forHouseholds = await listDocuments('households');
    const doc = forCompanies.find((d) => d.id === saved.id);
    expect(doc).toMatchObject({ slug: 'dogovor-energosnabzheniya-dlya-yurlicz', version: 'ред. от 01.12.2026' });
    expect(forHouseholds.some((d) => d.id === saved.id)).toBe(false);
    const file = await readStoredFile(doc!.fileId!, 'document');
    expect(file?.type).toBe('application/pdf');
    expect(await auditActions(saved.id)).toEqual(['document.published']);

    const disguised = new File([new TextEncoder().encode('<script>alert(1)</script>')], 'scan.pdf', {
      type: 'application/pdf',
    });
    const refused = await checkUpload(disguised, { ...rule, accept: [...rule.accept] });
    expect(refused).toEqual({ ok: false, reason: 'Файл «scan.pdf» не в формате PDF — другие файлы не принимаются.' });
  });
});

describe('the audit log viewer', () => {
  it('filters the writes above by person, kind and day, and exports them with formulas neutralised', async () => {
    const staff = await operator();
    const { listAuditEvents, auditCsv, parseAuditFilter } = await import('@/lib/console/audit-log');
    // Audit lines carry the database's clock, not the test's `now`.
    const today = moscowDay(new Date());
    const filter = parseAuditFilter({ person: 'operator@', kind: 'news', from: today, to: today });
    expect(filter).toEqual({ person: 'operator@', kind: 'news', from: today, to: today, account: undefined });
    const rows = await listAuditEvents(filter);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.action.startsWith('news.') && r.actorEmail === 'operator@example.test')).toBe(true);
    expect(await listAuditEvents(parseAuditFilter({ kind: 'news', from: '2099-01-01' }))).toEqual([]);
    expect(await listAuditEvents(parseAuditFilter({ account: '99999999' }))).toEqual([]);

    // A title that looks like a formula reaches the CSV as text.
    await saveNews(staff, newsSchema.parse({ title: '=HYPERLINK("x")', summary: 's', body: 'b', mode: 'draft' }), now);
    const { csv } = await auditCsv(parseAuditFilter({ kind: 'news.saved' }));
    expect(csv.startsWith('\uFEFFВремя (МСК);Событие;Кто')).toBe(true);
    expect(csv).toContain('news.saved;Смирнова Елена Андреевна;operator@example.test;news;');
    expect(csv).not.toMatch(/;=HYPERLINK/);
  });
});
