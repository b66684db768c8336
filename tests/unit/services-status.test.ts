import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allowedEdges,
  checkTransition,
  customerMayCancel,
  isPayable,
  SERVICE_STATUSES,
  type ServiceActor,
  type ServiceStatus,
} from '@/lib/services/status';

// The status machine of a paid-service request: every pair of statuses for every actor.

const ACTORS: ServiceActor[] = ['customer', 'staff', 'gateway'];

const ALLOWED: Record<string, ServiceActor[]> = {
  'new→price_confirmed': ['staff'],
  'new→cancelled': ['customer', 'staff'],
  'price_confirmed→price_confirmed': ['staff'],
  'price_confirmed→paid': ['gateway'],
  'price_confirmed→cancelled': ['customer', 'staff'],
  'paid→scheduled': ['staff'],
  'paid→cancelled': ['customer', 'staff'],
  'scheduled→scheduled': ['staff'],
  'scheduled→done': ['staff'],
  'scheduled→cancelled': ['customer', 'staff'],
};

describe('service request status machine', () => {
  for (const from of SERVICE_STATUSES) {
    for (const to of SERVICE_STATUSES) {
      for (const actor of ACTORS) {
        const expected = (ALLOWED[`${from}→${to}`] ?? []).includes(actor);
        it(`${actor}: ${from} → ${to} is ${expected ? 'allowed' : 'refused'}`, () => {
          const result = checkTransition(from, to, actor);
          expect(result.ok).toBe(expected);
          if (!result.ok) expect(result.reason).toMatch(/[а-яё]/i);
        });
      }
    }
  }

  it('a finished request says why it cannot change', () => {
    expect(checkTransition('done', 'cancelled', 'customer')).toEqual({
      ok: false,
      reason: 'Работы по заявке уже выполнены — изменить её нельзя',
    });
    expect(checkTransition('cancelled', 'paid', 'gateway')).toMatchObject({ ok: false, reason: /отменена/ });
  });

  it('the customer may cancel until the work is done', () => {
    const may = SERVICE_STATUSES.filter((s) => customerMayCancel(s));
    expect(may).toEqual(['new', 'price_confirmed', 'paid', 'scheduled']);
  });

  it('payable only with a final price the customer accepted', () => {
    const base = { status: 'price_confirmed' as ServiceStatus, priceKopecks: 450_000, priceAcceptedAt: new Date() };
    expect(isPayable(base)).toBe(true);
    expect(isPayable({ ...base, priceAcceptedAt: null })).toBe(false);
    expect(isPayable({ ...base, priceKopecks: null })).toBe(false);
    expect(isPayable({ ...base, status: 'paid' })).toBe(false);
  });

  it('the database trigger lists exactly the same moves between different statuses', () => {
    const dir = path.join(process.cwd(), 'db', 'migrations');
    const file = fs.readdirSync(dir).find((f) => f.endsWith('_service_request_transitions.sql'))!;
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    const list = sql.slice(sql.indexOf('(OLD.status, NEW.status) IN'), sql.indexOf(') THEN'));
    const inTrigger = [...list.matchAll(/\('([a-z_]+)', '([a-z_]+)'\)/g)].map((m) => `${m[1]}→${m[2]}`).sort();
    const inModule = allowedEdges()
      .filter(([from, to]) => from !== to)
      .map(([from, to]) => `${from}→${to}`)
      .sort();
    expect(inTrigger).toEqual(inModule);
  });
});
