// `npm test`: every check in order, stopping at the first failure.
// Skip steps while iterating locally with TEST_SKIP, e.g. `TEST_SKIP=lint,build,e2e npm test`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);
const skip = new Set(
  (process.env.TEST_SKIP ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const steps: { name: string; cmd: string; args: string[]; when?: () => boolean }[] = [
  { name: 'typegen', cmd: bin('next'), args: ['typegen'] },
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.'] },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '.'] },
  // Unused files, exports and dependencies (knip.json).
  { name: 'knip', cmd: bin('knip'), args: [] },
  { name: 'vitest', cmd: bin('vitest'), args: ['run'] },
  { name: 'build', cmd: bin('next'), args: ['build'] },
  { name: 'seed', cmd: bin('tsx'), args: ['scripts/db-seed.ts'], when: () => Boolean(process.env.DATABASE_URL) },
  { name: 'e2e', cmd: bin('playwright'), args: ['test'] },
  // Kills and refuses Postgres connections under load (about 25 s); needs a Postgres server.
  { name: 'faults', cmd: bin('tsx'), args: ['tests/faults/faults.ts'], when: () => Boolean(process.env.DATABASE_URL) },
  // Two instances behind nginx sharing the route cache (about 40 s); needs Postgres and Debian's nginx.
  {
    name: 'cluster',
    cmd: bin('playwright'),
    args: ['test', '-c', 'playwright.cluster.config.ts'],
    when: () => Boolean(process.env.DATABASE_URL) && hasNginx(),
  },
];

function hasNginx(): boolean {
  return spawnSync('nginx', ['-v'], { stdio: 'ignore' }).status === 0;
}

const results: string[] = [];
for (const step of steps) {
  if (skip.has(step.name) || (step.when && !step.when())) {
    results.push(`  ${step.name.padEnd(10)} skipped`);
    continue;
  }
  console.log(`\n▶ ${step.name}: ${path.basename(step.cmd)} ${step.args.join(' ')}`);
  const started = Date.now();
  // Demo mode: the tests use the demo data, the sandbox gateway and the mailbox (a test of another
  // configuration sets its own).
  const run = spawnSync(step.cmd, step.args, {
    stdio: 'inherit',
    env: { ...process.env, DEMO: '1', NEXT_TELEMETRY_DISABLED: '1' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  results.push(`  ${step.name.padEnd(10)} ${ok ? 'ok' : 'FAILED'} in ${seconds} s`);
  console.log(`◀ ${step.name} ${ok ? 'ok' : 'FAILED'} in ${seconds} s`);
  if (!ok) {
    console.log(`\nSummary (driver: ${process.env.DATABASE_URL ? 'Postgres' : 'embedded'}):\n${results.join('\n')}`);
    process.exit(run.status ?? 1);
  }
}
console.log(`\nSummary (driver: ${process.env.DATABASE_URL ? 'Postgres' : 'embedded'}):\n${results.join('\n')}`);
