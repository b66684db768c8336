// userRoute: the session and door checks every authenticated route handler shares, its refusals,
// and what a crash inside a handler becomes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';

const signedIn = vi.hoisted(() => ({ user: null as Partial<SessionUser> | null }));
vi.mock('@/lib/auth/session', () => ({
  currentUser: async () => signedIn.user,
  canUseDoor: (user: SessionUser, door: string) =>
    door === 'staff' ? user.role === 'operator' : user.role === 'subscriber',
  loginPathByDoor: { household: '/fiz/login', company: '/lk/login', staff: '/admin/login' },
}));

const { userRoute } = await import('@/lib/http/route');
const { privateResponse } = await import('@/lib/http/private-response');

const context = { params: Promise.resolve({ id: 'x' }) };
const request = () => new Request('http://test.local/fiz/thing/x');

function route(handler: () => Promise<Response | null>, forbidden: string | 'not-found' = 'Только для абонентов') {
  return userRoute(
    'household',
    { unauthenticated: 'Войдите в кабинет', forbidden, notFound: 'Не найдено', format: 'text' },
    handler,
  );
}

afterEach(() => {
  signedIn.user = null;
});

describe('userRoute', () => {
  it('refuses without a session, for another door, and for what the handler does not find, privately', async () => {
    const handler = vi.fn(async () => null);
    const noSession = await route(handler)(request(), context);
    expect(noSession.status).toBe(401);
    expect(await noSession.text()).toBe('Войдите в кабинет');
    expect(noSession.headers.get('cache-control')).toBe('private, no-store');
    expect(noSession.headers.get('x-content-type-options')).toBe('nosniff');
    expect(noSession.headers.get('content-type')).toBe('text/plain; charset=utf-8');

    signedIn.user = { id: 's', role: 'operator' };
    const otherDoor = await route(handler)(request(), context);
    expect([otherDoor.status, await otherDoor.text()]).toEqual([403, 'Только для абонентов']);
    const hidden = await route(handler, 'not-found')(request(), context);
    expect([hidden.status, await hidden.text()]).toEqual([404, 'Не найдено']);
    expect(handler).not.toHaveBeenCalled();

    signedIn.user = { id: 'h', role: 'subscriber' };
    const missing = await route(handler)(request(), context);
    expect([missing.status, await missing.text()]).toEqual([404, 'Не найдено']);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('redirects to the door’s login page and back to a path of ours only', async () => {
    const login = (next: string) =>
      userRoute(
        'household',
        { unauthenticated: { login: () => next }, forbidden: 'x', notFound: 'x' },
        async () => null,
      );
    const back = await login('/fiz/bills/1/receipt')(request(), context);
    expect(back.status).toBe(307);
    expect(back.headers.get('location')).toBe('/fiz/login?next=%2Ffiz%2Fbills%2F1%2Freceipt');
    const elsewhere = await login('//evil.example')(request(), context);
    expect(elsewhere.headers.get('location')).toBe('/fiz/login');
  });

  it('hands the signed-in user to the handler and keeps the private headers on its answer', async () => {
    signedIn.user = { id: 'h', role: 'subscriber' };
    const answer = await route(async () => privateResponse('данные', { 'Content-Type': 'text/csv' }))(
      request(),
      context,
    );
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv');
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('turns a crash into a logged, polite 500 and a lost database into a 503', async () => {
    signedIn.user = { id: 'h', role: 'subscriber' };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const crash = await route(async () => {
      throw new Error('secret detail');
    })(request(), context);
    expect(crash.status).toBe(500);
    const text = await crash.text();
    expect(text).toMatch(/^Не получилось/);
    expect(text).not.toContain('secret');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();

    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const away = await route(async () => {
      throw new Error('Failed query', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    })(request(), context);
    expect(away.status).toBe(503);
    expect(await away.text()).toMatch(/временно недоступен/);
    expect(warned).toHaveBeenCalledOnce();
    warned.mockRestore();
  });

  it('answers JSON refusals for a script that shows them', async () => {
    const json = userRoute(
      'staff',
      { unauthenticated: 'Войдите', forbidden: 'Нельзя', notFound: 'Нет', format: 'json' },
      async () => null,
    );
    const answer = await json(request(), context);
    expect(answer.status).toBe(401);
    expect(await answer.json()).toEqual({ error: 'Войдите' });
  });
});
