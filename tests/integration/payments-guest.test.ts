import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { payments } from '@/db/schema';
import { GUEST_LOOKUPS_PER_IP, lookupGuestPayee, readTicket } from '@/lib/payments/guest';
import { useTestDatabase } from '../support/test-db';

// The guest form shows a masked payee, signs what it showed, and cannot be
// used to walk the registry.

process.env.AUTH_SECRET ??= 'integration-only-secret-integration-only';

const now = new Date('2026-11-20T09:00:00Z');
const t = useTestDatabase({ seedDemoAt: now });

describe('guest payee lookup', () => {
  it('shows the holder and street masked, and signs the payee and amount it showed', async () => {
    const result = await lookupGuestPayee(
      { accountNumber: '50010004', amountKopecks: 125_050, email: 'guest@example.com' },
      { ip: '198.51.100.1', now },
    );
    expect(result).toMatchObject({
      ok: true,
      payee: {
        holder: 'К***в Д. А.',
        address: 'г. Истра, ул. Л***, д. 5',
        accountNumber: '50010004',
        amountKopecks: 125_050,
      },
    });
    if (!result.ok) throw new Error('expected a payee');
    expect(JSON.stringify(result)).not.toMatch(/Кузнецов|Ленина|Дмитрий/);
    const body = readTicket(result.payee.ticket, now);
    expect(body).toMatchObject({ amountKopecks: 125_050, email: 'guest@example.com' });
  });

  it('a ticket with a changed amount or account, or an expired one, is refused', async () => {
    const result = await lookupGuestPayee(
      { accountNumber: '50010004', amountKopecks: 10_000 },
      { ip: '198.51.100.2', now },
    );
    if (!result.ok) throw new Error('expected a payee');
    const [encoded, signature] = result.payee.ticket.split('.');
    const body = JSON.parse(Buffer.from(encoded!, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...body, amountKopecks: 1 })).toString('base64url');
    expect(readTicket(`${forged}.${signature}`, now)).toBeNull();
    expect(readTicket(`${encoded}.${signature}x`, now)).toBeNull();
    expect(readTicket('garbage', now)).toBeNull();
    expect(readTicket(result.payee.ticket, new Date(now.getTime() + 31 * 60 * 1000))).toBeNull();
  });

  it('an unknown number gets the same advice as a typo, and writes no payment', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(payments);
    const result = await lookupGuestPayee(
      { accountNumber: '50019999', amountKopecks: 10_000 },
      { ip: '198.51.100.3', now },
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { accountNumber: expect.stringContaining('Лицевой счёт не найден') },
    });
    const after = await t.db.select({ n: sql<number>`count(*)::int` }).from(payments);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('one address gets a limited number of lookups, found or not, then a pause for everyone it asks about', async () => {
    const ip = '198.51.100.77';
    const answers = [];
    for (let i = 0; i < GUEST_LOOKUPS_PER_IP.limit; i++) {
      const number = `5001${String(9000 + i)}`;
      answers.push(await lookupGuestPayee({ accountNumber: number, amountKopecks: 10_000 }, { ip, now }));
    }
    expect(answers.every((a) => !a.ok && a.message.startsWith('Лицевой счёт не найден'))).toBe(true);
    const blocked = await lookupGuestPayee({ accountNumber: '50010004', amountKopecks: 10_000 }, { ip, now });
    expect(blocked).toMatchObject({ ok: false, message: expect.stringContaining('Слишком много запросов') });
    // Another address is not affected.
    const other = await lookupGuestPayee(
      { accountNumber: '50010004', amountKopecks: 10_000 },
      { ip: '198.51.100.78', now },
    );
    expect(other.ok).toBe(true);
  });

  it('an account closed in the registry is not offered as a payee', async () => {
    await t.db.execute(sql`update accounts set status = 'closed' where number = '50010003'`);
    const result = await lookupGuestPayee(
      { accountNumber: '50010003', amountKopecks: 10_000 },
      { ip: '198.51.100.4', now },
    );
    expect(result.ok).toBe(false);
    await t.db.execute(sql`update accounts set status = 'active' where number = '50010003'`);
  });
});
