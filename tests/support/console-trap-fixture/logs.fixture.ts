// Run only by tests/unit/console-trap.test.ts, through its own config: one test logs an error it
// did not announce, one announces one that never comes, one announces and logs it.
import { expect, it } from 'vitest';
import { expectConsoleError } from '../console-trap';

it('logs an unexpected error', () => {
  console.error('[action] something broke');
  expect(1).toBe(1);
});

it('expects an error that never comes', () => {
  expectConsoleError(/giving up/);
});

it('expects the error it logs', () => {
  const logged = expectConsoleError(/giving up/);
  console.error('[email] giving up on 42');
  expect(logged.count).toBe(1);
});
