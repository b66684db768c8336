import { describe, expect, it } from 'vitest';
import { appUrlIsHttps, parseEnv, readEnv } from '@/lib/config/env';
import { ROBOKASSA_BASE_URL, robokassaGateway } from '@/lib/payments/gateway/robokassa';
import {
  cachedPageRewrites,
  cachedRoutePath,
  isCachedPublicPage,
  isInternalCachedAddress,
} from '@/lib/content/public-routes';
import { MONETA_DEMO_ORIGIN, monetaGateway } from '@/lib/payments/gateway/moneta';
import { netpayGateway } from '@/lib/payments/gateway/netpay';
import { contentSecurityPolicy, GATEWAY_FORM_ORIGINS, hasOwnPolicy } from '@/lib/security/csp';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)] as const));

describe('Content-Security-Policy', () => {
  it('allows scripts only with the nonce, in production without eval or inline', () => {
    const policy = directives(contentSecurityPolicy({ nonce: 'abc123==', development: false, https: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'", ...GATEWAY_FORM_ORIGINS]);
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('adds eval only for next dev, and upgrades plain-http subresources only over https', () => {
    const dev = directives(contentSecurityPolicy({ nonce: 'n', development: true, https: false }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    const https = directives(contentSecurityPolicy({ nonce: 'n', development: false, https: true }));
    expect(https.has('upgrade-insecure-requests')).toBe(true);
  });

  it('lets forms go to every gateway page the payer is handed over to', () => {
    const gateway = robokassaGateway({ merchantLogin: 'shop', password1: 'one', password2: 'two', isTest: false });
    const handOver = gateway.paymentRedirect({
      invId: 1,
      amountKopecks: 10_000,
      description: 'Оплата',
      shp: { Shp_purpose: 'electricity' },
    });
    expect(handOver.method).toBe('POST');
    expect(GATEWAY_FORM_ORIGINS).toContain(new URL(handOver.url).origin);
    expect(GATEWAY_FORM_ORIGINS).toContain(new URL(ROBOKASSA_BASE_URL).origin);

    const order = { invId: 2, amountKopecks: 10_000, description: 'Оплата', shp: { Shp_purpose: 'electricity' } };
    for (const isTest of [false, true]) {
      const gateways = [
        monetaGateway({
          accountId: '12345678',
          integrityCode: 'code',
          isTest,
          origin: isTest ? MONETA_DEMO_ORIGIN : undefined,
        }),
        netpayGateway({
          apiKey: 'k'.repeat(32),
          auth: 'auth',
          isTest,
          sendsReceipts: false,
          notificationUrl: 'https://portal.example/n',
        }),
      ];
      for (const g of gateways) expect(GATEWAY_FORM_ORIGINS).toContain(new URL(g.paymentRedirect(order).url).origin);
    }
  });

  it('gives the build nonce only to the public pages meant for the route cache', () => {
    for (const path of ['/', '/tariffs', '/news', '/news/novyi-tarif', '/documents/oferta', '/contacts/'])
      expect(isCachedPublicPage(path), path).toBe(true);
    for (const path of ['/pay', '/fiz', '/fiz/bills', '/admin', '/lk', '/payments/go/1', '/news/a/b', '/dev/mailbox'])
      expect(isCachedPublicPage(path), path).toBe(false);
    // A filtered view is rendered per request, so it gets a nonce of its own.
    expect(isCachedPublicPage('/outages', new URLSearchParams('place=Истра'))).toBe(false);
    expect(isCachedPublicPage('/news', new URLSearchParams('page=2'))).toBe(false);
    expect(isCachedPublicPage('/support')).toBe(true);
    expect(isCachedPublicPage('/support/kak-vojti')).toBe(true);
    expect(isCachedPublicPage('/support', new URLSearchParams('q=карта'))).toBe(false);
    expect(isCachedPublicPage('/outages', new URLSearchParams('utm_source=vk'))).toBe(true);
  });

  it('rewrites each cached public page onto its one internal route, which is closed from outside', () => {
    const rewrites = cachedPageRewrites();
    expect(rewrites).toContainEqual({ source: '/', destination: '/cached/public' });
    expect(rewrites).toContainEqual({
      source: '/news',
      destination: '/cached/public/news',
      missing: [{ type: 'query', key: 'page' }],
    });
    expect(rewrites).toContainEqual({ source: '/news/:slug', destination: '/cached/public/news/:slug' });
    expect(cachedRoutePath('/news/novyi-tarif')).toBe('/cached/public/news/novyi-tarif');
    for (const path of ['/cached', '/cached/public', '/cached/other/tariffs'])
      expect(isInternalCachedAddress(path)).toBe(true);
    expect(isInternalCachedAddress('/cachedx')).toBe(false);
  });
});

describe('route handlers with a policy of their own', () => {
  it("keeps the photo route's sandbox policy and gives every page the proxy's", () => {
    expect(hasOwnPolicy('/admin/meters/0b7c2d5e-1111-4a4a-8888-123456789abc/photo')).toBe(true);
    for (const path of ['/admin/meters', '/admin', '/fiz/meters', '/admin/meters/x/photo/more'])
      expect(hasOwnPolicy(path), path).toBe(false);
  });
});

describe('HSTS switch', () => {
  it('is on only for an https APP_URL', () => {
    expect(appUrlIsHttps(parseEnv({ APP_URL: 'https://lk.example.ru' }))).toBe(true);
    expect(appUrlIsHttps(parseEnv({ APP_URL: 'http://localhost:3000' }))).toBe(false);
    // Not an address at all: the configuration refuses it, so no page is ever served under it.
    expect(readEnv({ APP_URL: 'not a url' }).ok).toBe(false);
    expect(appUrlIsHttps(parseEnv({}))).toBe(false);
  });
});
