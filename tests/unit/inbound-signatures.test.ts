import { describe, expect, it } from 'vitest';
import { readingReplyToken, readReadingReplyToken } from '@/lib/inbound/reply-token';
import { svixHeaders, verifySvixSignature } from '@/lib/inbound/svix-signature';

const ACCOUNT = '3f2b8c1e-9d4a-4e6b-8f00-1a2b3c4d5e6f';
const SECRET = 'a-long-test-secret';

describe('the reply address token', () => {
  it('round-trips the account and period, fits an address and survives lower-casing', () => {
    const token = readingReplyToken(SECRET, ACCOUNT, '2026-11-01');
    expect(`readings+${token}`.length).toBeLessThanOrEqual(64);
    expect(token).toMatch(/^[a-z2-7]+\d{6}[a-z2-7]+$/);
    expect(readReadingReplyToken(SECRET, token)).toEqual({ accountId: ACCOUNT, period: '2026-11-01' });
    expect(readReadingReplyToken(SECRET, token.toUpperCase())).toEqual({ accountId: ACCOUNT, period: '2026-11-01' });
  });

  it('refuses a token for another account or period, another secret, or a changed character', () => {
    const token = readingReplyToken(SECRET, ACCOUNT, '2026-11-01');
    const otherPeriod = token.replace('202611', '202612');
    expect(readReadingReplyToken(SECRET, otherPeriod)).toBeNull();
    expect(readReadingReplyToken('another-secret', token)).toBeNull();
    const last = token.at(-1) === 'a' ? 'b' : 'a';
    expect(readReadingReplyToken(SECRET, token.slice(0, -1) + last)).toBeNull();
    expect(readReadingReplyToken(SECRET, 'junk')).toBeNull();
    expect(readReadingReplyToken(SECRET, '')).toBeNull();
  });
});

describe('the Svix signature of an inbound webhook', () => {
  const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
  const body = '{"type":"email.received"}';
  const now = new Date('2026-12-03T12:00:00Z');
  const read = (h: Record<string, string>) => ({
    id: h['svix-id'] ?? null,
    timestamp: h['svix-timestamp'] ?? null,
    signature: h['svix-signature'] ?? null,
  });

  it('accepts its own signature, also among rotated ones', () => {
    const headers = svixHeaders(secret, 'msg_1', body, now);
    expect(verifySvixSignature(secret, read(headers), body, now)).toBe(true);
    const rotated = { ...headers, 'svix-signature': `v1,b2xk ${headers['svix-signature']}` };
    expect(verifySvixSignature(secret, read(rotated), body, now)).toBe(true);
  });

  it('refuses a changed body, another secret, a missing header and a stale timestamp', () => {
    const headers = svixHeaders(secret, 'msg_1', body, now);
    expect(verifySvixSignature(secret, read(headers), body.replace('received', 'sent'), now)).toBe(false);
    expect(
      verifySvixSignature(`whsec_${Buffer.from('x'.repeat(32)).toString('base64')}`, read(headers), body, now),
    ).toBe(false);
    expect(verifySvixSignature(secret, { ...read(headers), signature: null }, body, now)).toBe(false);
    expect(verifySvixSignature(secret, read(headers), body, new Date(now.getTime() + 10 * 60_000))).toBe(false);
    expect(verifySvixSignature(secret, { ...read(headers), id: 'msg_2' }, body, now)).toBe(false);
  });
});
