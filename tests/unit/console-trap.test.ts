// The console.error trap itself: a test that logs an error it did not announce fails, as does one
// that announces an error that never comes; an announced one passes. Run in a child Vitest so the
// failures are the fixture's, not this file's.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

it('fails a test on an unexpected console.error, and only that test', { timeout: 120_000 }, () => {
  const run = spawnSync(
    path.join(root, 'node_modules/.bin/vitest'),
    ['run', '--config', 'tests/support/console-trap-fixture/vitest.config.ts', '--reporter', 'verbose'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  expect(run.status, output).toBe(1);
  expect(output).toMatch(/× logs.fixture.ts > logs an unexpected error/);
  expect(output).toContain('console.error was called during this test (1×)');
  expect(output).toContain('[action] something broke');
  expect(output).toMatch(/× logs.fixture.ts > expects an error that never comes/);
  expect(output).toContain('expected a console.error matching /giving up/, none was logged');
  expect(output).toMatch(/✓ logs.fixture.ts > expects the error it logs/);
  expect(output).toMatch(/Tests\s+2 failed \| 1 passed/);
});
