// `npm run cluster`: several `next start` instances of one build behind nginx on this machine, the
// scale-out set-up of the README. Needs a build (`npm run build`), Postgres (DATABASE_URL) and
// Debian's nginx. Settings (environment):
//   CLUSTER_INSTANCES  how many instances (default 2), on ports CLUSTER_FIRST_PORT… (default 3001)
//   PORT               where nginx listens (default 8080)
// Every instance runs the same build (so the same Server Action ids and key) with the same
// AUTH_SECRET (required unless DEMO=1, when one is generated for this run), the route cache in
// Postgres, and only the first runs the periodic jobs.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { instanceEnv, nginxConfig } from './cluster-config';

const root = path.resolve(import.meta.dirname, '..');
const instances = Number(process.env.CLUSTER_INSTANCES ?? 2);
const firstPort = Number(process.env.CLUSTER_FIRST_PORT ?? 3001);
const port = Number(process.env.PORT ?? 8080);
const demo = ['1', 'true', 'yes', 'on'].includes((process.env.DEMO ?? '').toLowerCase());

function refuse(message: string): never {
  console.error(`npm run cluster: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(instances) || instances < 1 || instances > 16) refuse('CLUSTER_INSTANCES: от 1 до 16');
if (!process.env.DATABASE_URL) refuse('задайте DATABASE_URL: экземпляры делят одну базу Postgres и кэш страниц в ней');
const shared: Record<string, string> = {};
if (!process.env.AUTH_SECRET) {
  if (!demo) refuse('задайте AUTH_SECRET, одинаковый на всех экземплярах');
  shared.AUTH_SECRET = randomBytes(32).toString('base64');
}
shared.APP_URL = process.env.APP_URL ?? `http://127.0.0.1:${port}`;

const children: ChildProcess[] = [];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const next = path.join(root, 'node_modules', '.bin', 'next');
const ports = Array.from({ length: instances }, (_, i) => firstPort + i);
for (const [i, p] of ports.entries()) {
  const child = spawn(next, ['start', '-p', String(p), '-H', '127.0.0.1'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...shared, ...instanceEnv(i, p) },
  });
  child.on('exit', (code) => {
    console.error(`instance ${i + 1} (port ${p}) stopped with ${code}`);
    stop();
  });
  children.push(child);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ek-nginx-'));
fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig({ port, upstreams: ports, dir }));
const nginx = spawn('nginx', ['-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'inherit' });
nginx.on('error', () => {
  console.error('nginx не найден: apt-get install -y nginx');
  stop();
});
nginx.on('exit', stop);
children.push(nginx);
console.log(`Энергокабинет: ${instances} экземпляра за nginx на http://127.0.0.1:${port} (порты ${ports.join(', ')})`);
