import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installClientAddressHook } from '@/lib/http/client-address-hook';
import { clientIp, trustedClientAddress } from '@/lib/http/client-ip';

// The client's address comes from the socket and TRUST_PROXY_HOPS, never from what a client writes
// into X-Forwarded-For: a forged header cannot escape the per-address limits.

describe('the address chain', () => {
  it('is the socket with no trusted proxy, whatever the header says', () => {
    expect(trustedClientAddress('6.6.6.6', '203.0.113.5', 0)).toBe('203.0.113.5');
    expect(trustedClientAddress(undefined, '203.0.113.5', 0)).toBe('203.0.113.5');
  });

  it('is the entry the outermost trusted proxy wrote', () => {
    // client forged 6.6.6.6; nginx appended the client it saw; the socket is nginx itself
    expect(trustedClientAddress('6.6.6.6, 198.51.100.20', '10.0.0.2', 1)).toBe('198.51.100.20');
    expect(trustedClientAddress('6.6.6.6, 198.51.100.20, 10.0.0.9', '10.0.0.2', 2)).toBe('198.51.100.20');
    expect(trustedClientAddress(undefined, '10.0.0.2', 2)).toBe('10.0.0.2');
  });
});

describe('a server with the hook', () => {
  let server: http.Server;
  let url: string;
  const seen: string[] = [];
  beforeAll(async () => {
    installClientAddressHook(0);
    server = http.createServer((request, response) => {
      seen.push(clientIp(new Headers(request.headers as Record<string, string>)));
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    installClientAddressHook(0);
    await new Promise((resolve) => server.close(resolve));
  });

  it('ignores a forged X-Forwarded-For with no trusted proxy', async () => {
    await fetch(url, { headers: { 'x-forwarded-for': '6.6.6.6' } });
    await fetch(url);
    expect(seen.splice(0)).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('believes one proxy hop when configured so, and only that one', async () => {
    installClientAddressHook(1);
    await fetch(url, { headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.20' } });
    expect(seen.splice(0)).toEqual(['198.51.100.20']);
  });
});
