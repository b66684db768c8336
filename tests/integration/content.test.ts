import { beforeAll, describe, expect, it } from 'vitest';
import { news, outages } from '@/db/schema';
import { listNews, getPublishedNews } from '@/lib/content/news';
import { listCurrentOutages, listRecentPastOutages } from '@/lib/content/outages';
import { listTariffPeriods, periodInForce, priceOf, tariffRows } from '@/lib/content/tariffs';
import { getUtilityProfile } from '@/lib/content/utility';
import { seedTariffs } from '@/db/seed/tariffs';
import { createUtilityProfile } from '../support/factories';
import { useTestDatabase } from '../support/test-db';

const now = new Date('2026-11-25T09:00:00Z');
const t = useTestDatabase();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db, { emergencyPhone: '8-995-00-99' });
  await t.db.insert(outages).values([
    {
      kind: 'planned',
      settlement: 'д. Лечищево',
      streets: 'ул. Центральная, ул. Полевая',
      reason: 'Замена опор',
      startsAt: new Date(now.getTime() + DAY),
      endsAt: new Date(now.getTime() + DAY + 6 * HOUR),
    },
    {
      kind: 'emergency',
      settlement: 'г. Истра',
      streets: 'ул. Советская',
      reason: 'Повреждение кабеля',
      startsAt: new Date(now.getTime() - 2 * HOUR),
      endsAt: new Date(now.getTime() + 4 * HOUR),
    },
    {
      kind: 'planned',
      settlement: 'г. Истра',
      streets: 'ул. Босова, д. 3–11',
      reason: 'Ремонт ТП',
      startsAt: new Date(now.getTime() - 10 * DAY),
      endsAt: new Date(now.getTime() - 10 * DAY + 5 * HOUR),
    },
  ]);
  // Published news, newest first: two on the first page, one on the third.
  await t.db.insert(news).values(
    [
      'peredavajte-pokazaniya-s-15-po-25',
      'podgotovka-k-zime-2026',
      'grafik-priema',
      'novye-tarify',
      'otkrytie-kabineta',
    ].map((slug, i) => ({
      slug,
      title: `Новость ${i + 1}`,
      summary: 'Кратко',
      body: 'Текст',
      publishedAt: new Date(now.getTime() - (i + 1) * DAY),
    })),
  );
  await t.db.insert(outages).values({
    kind: 'planned',
    settlement: 'с. 100%_Проценты',
    streets: 'ул. Подчёркнутая',
    reason: 'тест',
    startsAt: new Date(now.getTime() + 86_400_000),
    endsAt: new Date(now.getTime() + 90_000_000),
  });
  await t.db.insert(news).values([
    { slug: 'chernovik', title: 'Черновик', summary: 'не опубликовано', body: 'текст', publishedAt: null },
    {
      slug: 'budushchee',
      title: 'Из будущего',
      summary: 'позже',
      body: 'текст',
      publishedAt: new Date('2027-01-01T00:00:00Z'),
    },
  ]);
});
describe('outages', () => {
  it('finds current ones by settlement or street, case-insensitively', async () => {
    const bySettlement = await listCurrentOutages({ place: 'лечищево', now });
    expect(bySettlement.map((o) => o.streets)).toEqual(['ул. Центральная, ул. Полевая']);
    const byStreet = await listCurrentOutages({ place: 'СОВЕТСКАЯ', now });
    expect(byStreet).toHaveLength(1);
    expect(byStreet[0]!.settlement).toBe('г. Истра');
  });
  it('treats % and _ literally and filters by kind', async () => {
    expect(await listCurrentOutages({ place: '%', now })).toHaveLength(1);
    expect(await listCurrentOutages({ place: '_', now })).toHaveLength(1);
    const emergency = await listCurrentOutages({ kind: 'emergency', now });
    expect(emergency.every((o) => o.kind === 'emergency')).toBe(true);
    expect(emergency).toHaveLength(1);
  });
  it('keeps finished outages out of the current list and in the recent history', async () => {
    const current = await listCurrentOutages({ now });
    expect(current.some((o) => o.streets.includes('ул. Босова'))).toBe(false);
    const past = await listRecentPastOutages({ now, days: 30 });
    expect(past.map((o) => o.streets)).toEqual(['ул. Босова, д. 3–11']);
  });
});

describe('tariffs', () => {
  it('groups by period newest first and finds the one in force on boundary days', async () => {
    const periods = await listTariffPeriods();
    expect(periods.map((p) => p.effectiveFrom)).toEqual(['2026-10-01', '2026-01-01', '2025-07-01', '2025-01-01']);
    expect(periodInForce(periods, '2026-09-30')?.effectiveFrom).toBe('2026-01-01');
    expect(periodInForce(periods, '2026-10-01')?.effectiveFrom).toBe('2026-10-01');
    expect(periodInForce(periods, '2024-12-31')).toBeNull();
    const rows = tariffRows(periods);
    expect(rows).toHaveLength(12);
    const oneRate = rows.find((r) => r.category === 'urban' && r.zonePlan === 1)!;
    expect(priceOf(periods[1]!, oneRate)).toBe(890);
  });
});

describe('news and profile', () => {
  it('hides drafts and future news, and pages the rest', async () => {
    const { items, total } = await listNews({ now, pageSize: 2 });
    expect(total).toBe(5);
    expect(items.map((n) => n.slug)).toEqual(['peredavajte-pokazaniya-s-15-po-25', 'podgotovka-k-zime-2026']);
    const page3 = await listNews({ now, page: 3, pageSize: 2 });
    expect(page3.items).toHaveLength(1);
    expect(await getPublishedNews('chernovik')).toBeNull();
  });
  it('reads the utility profile', async () => {
    expect((await getUtilityProfile()).emergencyPhone).toBe('8-995-00-99');
  });
});
