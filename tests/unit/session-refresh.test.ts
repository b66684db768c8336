import { beforeAll, describe, expect, it } from 'vitest';
import { sessionRefreshFor, verifiedSessionRefresh } from '@/lib/auth/session-refresh';

const user = '0b7c2d5e-1111-4a4a-8888-123456789abc';

describe('session refresh proof (keeping this browser signed in after a password change)', () => {
  beforeAll(() => {
    process.env.AUTH_SECRET ??= 'unit-test-secret-unit-test-secret';
  });

  it('accepts the proof the server made for this user and version', () => {
    expect(verifiedSessionRefresh(user, { refresh: sessionRefreshFor(user, 7) })).toBe(7);
  });

  it('refuses a proof for another user, another version, or a made-up one', () => {
    const proof = sessionRefreshFor(user, 7);
    expect(verifiedSessionRefresh('0b7c2d5e-2222-4a4a-8888-123456789abc', { refresh: proof })).toBeNull();
    expect(verifiedSessionRefresh(user, { refresh: { sv: 8, proof: proof.proof } })).toBeNull();
    expect(verifiedSessionRefresh(user, { refresh: { sv: 7, proof: 'x'.repeat(43) } })).toBeNull();
    expect(verifiedSessionRefresh(user, { refresh: { sv: '7', proof: proof.proof } })).toBeNull();
    expect(verifiedSessionRefresh(user, { user: { name: 'x' } })).toBeNull();
    expect(verifiedSessionRefresh(user, null)).toBeNull();
  });
});
