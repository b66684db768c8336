// The information part of the company cabinet: the documents for companies only, the tariffs of
// the company's own points with VAT taken out, and the outages at the company's addresses — not
// those elsewhere, and never those at another company's addresses.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documents, outages } from '@/db/schema';
import { seedTariffs } from '@/db/seed/tariffs';
import type { SessionUser } from '@/lib/auth/session';
import { companyMemberOf } from '@/lib/company/access';
import { companyInfo } from '@/lib/company/info';
import {
  createAccount,
  createCompanyMember,
  createCompanyUser,
  createMeteredAccount,
  createUtilityProfile,
} from '../support/factories';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';

vi.mock('next-auth', () => import('../support/request-boundary').then((m) => m.nextAuthModule()));
vi.mock('@/auth', () => import('../support/request-boundary').then((m) => m.authModule()));
vi.mock('next/headers', () => import('../support/request-boundary').then((m) => m.headersModule()));

let t: TestDatabase;
let restore: () => void;
let engineer: SessionUser;
/** The company's own points; the rival's is on the same street. */
let ownNumbers: string[];
let rivalNumber: string;
const now = new Date('2026-11-20T09:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await t.db.transaction((tx) => seedTariffs(tx));
  await createUtilityProfile(t.db);
  const company = await createCompanyUser(t.db);
  engineer = await createCompanyMember(t.db, company.companyId, 'engineer');
  const at = { kind: 'company' as const, companyId: company.companyId, residents: 0 };
  const point = async (account: { settlement: string; street: string; house: string }, zonePlan: 1 | 2) =>
    (await createMeteredAccount(t.db, { account: { ...at, ...account }, meter: { zonePlan } })).number;
  ownNumbers = [
    await point({ settlement: 'с. Павловская Слобода', street: 'ул. Лесная', house: '7' }, 2),
    await point({ settlement: 'г. Истра', street: 'ул. Первомайская', house: '2' }, 1),
  ];
  // A household on the street of the other outage, and another company's point on the same street as ours.
  await createAccount(t.db, { settlement: 'с. Павловская Слобода', street: 'ул. Никольская', house: '3' });
  const rival = await createCompanyUser(t.db);
  rivalNumber = (
    await createAccount(t.db, {
      kind: 'company',
      companyId: rival.companyId,
      residents: 0,
      settlement: 'с. Павловская Слобода',
      street: 'ул. Лесная',
      house: '9',
    })
  ).number;
  await t.db.insert(documents).values([
    {
      slug: 'dogovor-yul',
      category: 'contracts',
      title: 'Договор для юрлиц',
      summary: 'Для компаний',
      body: 'Текст договора.',
      audience: 'companies',
    },
    {
      slug: 'dogovor-fl',
      category: 'contracts',
      title: 'Договор для граждан',
      summary: 'Для граждан',
      body: 'Текст договора.',
      audience: 'households',
    },
    {
      slug: 'pravila',
      category: 'normative',
      title: 'Правила',
      summary: 'Для всех',
      body: 'Текст правил.',
      audience: 'both',
    },
  ]);
  await t.db.insert(outages).values([
    {
      kind: 'planned',
      settlement: 'с. Павловская Слобода',
      streets: 'ул. Лесная, д. 1–20; ул. Садовая',
      reason: 'Замена трансформатора',
      startsAt: new Date('2026-11-25T07:00:00Z'),
      endsAt: new Date('2026-11-25T13:00:00Z'),
    },
    {
      kind: 'planned',
      settlement: 'с. Павловская Слобода',
      streets: 'ул. Никольская',
      reason: 'Ремонт линии',
      startsAt: new Date('2026-11-26T07:00:00Z'),
      endsAt: new Date('2026-11-26T13:00:00Z'),
    },
    {
      kind: 'planned',
      settlement: 'с. Павловская Слобода',
      streets: 'ул. Лесная',
      reason: 'Давно закончилось',
      startsAt: new Date('2026-10-01T07:00:00Z'),
      endsAt: new Date('2026-10-01T13:00:00Z'),
    },
  ]);
});

afterAll(async () => {
  restore?.();
  await t?.drop();
});

describe('information for companies', () => {
  it('lists outages at the company’s addresses only, with the accounts they touch', async () => {
    const info = await companyInfo(companyMemberOf(engineer)!, now);
    const reasons = info.outages.map((o) => o.outage.reason);
    expect(reasons).toContain('Замена трансформатора');
    expect(reasons).not.toContain('Ремонт линии');
    expect(reasons).not.toContain('Давно закончилось');
    const ours = info.outages.find((o) => o.outage.reason === 'Замена трансформатора')!;
    expect(ours.accountNumbers).toEqual([ownNumbers[0]]);
    expect(ours.accountNumbers).not.toContain(rivalNumber);
  });

  it('shows the documents for companies and both, never those for households only', async () => {
    const info = await companyInfo(companyMemberOf(engineer)!, now);
    const audiences = await t.db.select({ id: documents.id, audience: documents.audience }).from(documents);
    const expected = audiences.filter((d) => d.audience !== 'households').map((d) => d.id);
    expect(expected).toHaveLength(2);
    expect(info.documents.map((d) => d.id).sort()).toEqual(expected.sort());
  });

  it('gives the tariffs of the company’s own points, net + VAT = the price', async () => {
    const info = await companyInfo(companyMemberOf(engineer)!, now);
    expect(info.tariffs?.lines.length).toBeGreaterThan(0);
    for (const line of info.tariffs!.lines) {
      expect(line.price.netKopecks + line.price.vatKopecks).toBe(line.price.grossKopecks);
      expect(line.accountNumbers.every((n) => ownNumbers.includes(n))).toBe(true);
    }
    expect(info.readingWindow.period).toMatch(/^\d{4}-\d{2}-01$/);
  });
});
