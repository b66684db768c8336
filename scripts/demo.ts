// `npm run demo` (and `npm run dev`): the app in demo mode, DEMO=1 — the one switch for demo data
// and logins, the sandbox gateway, the development mailbox and the banner on every page. A script
// rather than `DEMO=1 next …` in package.json so it works in every shell, Windows' included.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
// Next.js telemetry would call out to the network: nothing leaves this machine.
const env = { ...process.env, DEMO: '1', NEXT_TELEMETRY_DISABLED: '1' };
const run = (args: string[]) => spawnSync(process.execPath, [next, ...args], { stdio: 'inherit', env });

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
if (mode === 'start') {
  const build = run(['build']);
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, [next, mode], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
