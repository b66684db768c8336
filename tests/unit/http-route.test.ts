// userRoute: the session and door checks every authenticated route handler shares, its refusals,
// and what a crash inside a handler becomes.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';

const signedIn = vi.hoisted(() => ({ user: null as Partial<SessionUser> | null }));
vi.mock('@/lib/auth/session', () => ({
  currentUser: async () => signedIn.user,
  canUseDoor: (user: SessionUser, door: string) =>
    ({ staff: ['operator', 'admin'], company: ['company_user'] })[door]?.includes(user.role) ??
    user.role === 'subscriber',
  loginPathByDoor: { household: '/fiz/login', company: '/lk/login', staff: '/admin/login' },
}));

const { backIfIds, userRoute } = await import('@/lib/http/route');
const { downloadResponse, privateResponse } = await import('@/lib/http/private-response');

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

  it('lets into a company route only the roles with that part of the cabinet', async () => {
    const handler = vi.fn(async () => privateResponse('счёт', {}));
    const bills = userRoute(
      'company',
      { unauthenticated: 'Войдите', forbidden: 'not-found', notFound: 'Документ не найден', capability: 'bills' },
      handler,
    );
    const member = (companyRole: string) => ({ id: 'c', role: 'company_user', companyId: 'co', companyRole }) as never;
    signedIn.user = member('engineer');
    const engineer = await bills(request(), context);
    expect([engineer.status, await engineer.text()]).toEqual([404, 'Документ не найден']);
    signedIn.user = { id: 'c', role: 'company_user', companyId: null, companyRole: null };
    expect((await bills(request(), context)).status).toBe(404);
    expect(handler).not.toHaveBeenCalled();
    signedIn.user = member('accountant');
    expect((await bills(request(), context)).status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('keeps an admin-only staff route from other staff with its own sentence', async () => {
    const exports = userRoute(
      'staff',
      {
        unauthenticated: 'Войдите',
        forbidden: 'Только сотрудникам',
        notFound: 'Нет',
        adminOnly: 'Только администратору',
      },
      async () => privateResponse('csv', {}),
    );
    signedIn.user = { id: 'o', role: 'operator' };
    const operator = await exports(request(), context);
    expect([operator.status, await operator.text()]).toEqual([403, 'Только администратору']);
    expect(operator.headers.get('cache-control')).toBe('private, no-store');
    signedIn.user = { id: 's', role: 'subscriber' };
    expect(await (await exports(request(), context)).text()).toBe('Только сотрудникам');
    signedIn.user = { id: 'a', role: 'admin' };
    expect((await exports(request(), context)).status).toBe(200);
  });

  it('answers a malformed id with the 404 before any login, and builds the way back from the request', async () => {
    const id = '0b6f3c9e-2f4a-4c1d-9e8b-7a6d5c4b3a21';
    const photo = (params: { id: string }) =>
      userRoute(
        'household',
        {
          unauthenticated: { login: (_c, r) => backIfIds(`${new URL(r.url).pathname}`, params.id) },
          forbidden: 'not-found',
          notFound: 'Не найдено',
        },
        async () => null,
      )(new Request(`http://test.local/fiz/services/${params.id}`), context);
    const good = await photo({ id });
    expect([good.status, good.headers.get('location')]).toEqual([307, `/fiz/login?next=%2Ffiz%2Fservices%2F${id}`]);
    const junk = await photo({ id: 'x' });
    expect([junk.status, await junk.text()]).toEqual([404, 'Не найдено']);
    expect(junk.headers.get('location')).toBeNull();
  });
});

describe('downloadResponse', () => {
  const bytes = new Uint8Array([37, 80, 68, 70]);

  it('shows or saves a private file under its name, RFC 5987 only when the name needs it', async () => {
    const shown = downloadResponse({ bytes, type: 'application/pdf', fileName: 'schet-R-1.pdf' });
    expect(Object.fromEntries(shown.headers)).toEqual({
      'cache-control': 'private, no-store',
      'content-disposition': 'inline; filename="schet-R-1.pdf"',
      'content-length': '4',
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
    });
    expect(new Uint8Array(await shown.arrayBuffer())).toEqual(bytes);
    const saved = downloadResponse({ bytes, type: 'application/zip', fileName: 'Акт "1".zip' }, { download: true });
    expect(saved.headers.get('content-disposition')).toBe(
      `attachment; filename="___ _1_.zip"; filename*=UTF-8''${encodeURIComponent('Акт "1".zip')}`,
    );
    expect(saved.headers.get('content-security-policy')).toBeNull();
  });

  it('puts what a person uploaded in a sandbox', () => {
    const photo = downloadResponse({ bytes, type: 'image/png', fileName: 'a.png' }, { sandbox: true });
    expect(photo.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });
});
