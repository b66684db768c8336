// The information part of the company cabinet: the documents for companies only, the tariffs of
// the company's own points with VAT taken out, and the outages at the company's addresses — not
// those elsewhere, and never those at another company's addresses.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documents, outages, users } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import type { SessionUser } from '@/lib/auth/session';
import { companyMemberOf } from '@/lib/company/access';
import { companyInfo } from '@/lib/company/info';
import { createTestDatabase, type TestDatabase, useAsGlobalDb } from '../support/test-db';

vi.mock('next-auth', () => import('../support/request-boundary').then((m) => m.nextAuthModule()));
vi.mock('@/auth', () => import('../support/request-boundary').then((m) => m.authModule()));
vi.mock('next/headers', () => import('../support/request-boundary').then((m) => m.headersModule()));

let t: TestDatabase;
let restore: () => void;
let engineer: SessionUser;
const now = new Date('2026-11-20T09:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  restore = useAsGlobalDb(t.handle);
  await seedDemoData(t.db, now);
  const [row] = await t.db.select().from(users).where(eq(users.email, 'engineer@example.com'));
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { passwordHash, ...user } = row!;
  engineer = user;
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
    expect(ours.accountNumbers).toContain('70020001');
  });

  it('shows the documents for companies and both, never those for households only', async () => {
    const info = await companyInfo(companyMemberOf(engineer)!, now);
    const audiences = await t.db.select({ id: documents.id, audience: documents.audience }).from(documents);
    const expected = audiences.filter((d) => d.audience !== 'households').map((d) => d.id);
    expect(info.documents.map((d) => d.id).sort()).toEqual(expected.sort());
  });

  it('gives the tariffs of the company’s own points, net + VAT = the price', async () => {
    const info = await companyInfo(companyMemberOf(engineer)!, now);
    expect(info.tariffs?.lines.length).toBeGreaterThan(0);
    for (const line of info.tariffs!.lines) {
      expect(line.price.netKopecks + line.price.vatKopecks).toBe(line.price.grossKopecks);
      expect(line.accountNumbers.every((n) => n.startsWith('7002'))).toBe(true);
    }
    expect(info.readingWindow.period).toMatch(/^\d{4}-\d{2}-01$/);
  });
});
