// Shared by the benchmark and the fault harness: child processes, the real Auth.js login, and the
// wire formats of a Server Action call and a signed gateway notification.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { accountNumber } from './dataset';

export const root = path.resolve(import.meta.dirname, '..');
export const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
/** The password of every generated user. */
export const BENCH_PASSWORD = 'Bench-password-2026';
export const BENCH_SECRET = 'bench-only-secret-bench-only-secret-bench';
export const SANDBOX_PASSWORDS = { SANDBOX_PASSWORD1: 'bench-sandbox-one', SANDBOX_PASSWORD2: 'bench-sandbox-two' };

export function databaseUrlFor(adminUrl: string, name: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export function runSync(cmd: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

export class Children {
  private list: ChildProcess[] = [];
  private tail: string[] = [];

  // Output is always read: a child writing into a pipe nobody drains blocks once the pipe's 64 KB
  // fill up (Node writes to pipes synchronously), which froze the server under the fault harness.
  // A quiet child's output is kept as a tail, printed when a run fails.
  start(cmd: string, args: string[], env: Record<string, string>, quiet = false): ChildProcess {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const sink = (d: Buffer) => {
      if (!quiet) process.stderr.write(d);
      else this.tail = [...this.tail, ...d.toString().split('\n').filter(Boolean)].slice(-80);
    };
    child.stdout?.on('data', sink);
    child.stderr?.on('data', sink);
    this.list.push(child);
    return child;
  }

  /** The last lines the quiet children wrote. */
  recentOutput(): string {
    return this.tail.join('\n');
  }

  /** Stops one child and waits until it has exited. */
  async stop(child: ChildProcess): Promise<void> {
    this.list = this.list.filter((c) => c !== child);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }

  stopAll(): void {
    for (const child of this.list.splice(0)) child.kill('SIGTERM');
  }
}

export async function waitFor(url: string, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!);
}

/** Generated account i's session cookie, through the real Auth.js credentials login. */
export async function login(origin: string, i: number): Promise<string> {
  const ip = `10.77.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;
  const csrf = await fetch(`${origin}/api/auth/csrf`, { headers: { 'x-forwarded-for': ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${origin}/api/auth/callback/household`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookiesOf(csrf).join('; '),
      'x-forwarded-for': ip,
    },
    body: new URLSearchParams({ csrfToken, login: accountNumber(i), password: BENCH_PASSWORD, callbackUrl: '/fiz' }),
  });
  const session = cookiesOf(res).find((c) => c.includes('session-token='));
  if (!session) throw new Error(`login of ${accountNumber(i)} failed: ${res.status} ${res.headers.get('location')}`);
  return session;
}

/** The id of a Server Action in a build, by its exported name. */
export function actionId(manifest: { node: Record<string, { exportedName?: string }> }, exportedName: string): string {
  const id = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`${exportedName} is not in the build's server-reference manifest`);
  return id;
}

/**
 * A `(prevState, formData)` Server Action call as React's encodeReply sends it: the FormData's
 * fields prefixed `_1_`, and the argument list `[null, "$K1"]` under `0`.
 */
export function actionBody(fields: Record<string, string>): { body: string; contentType: string } {
  // A list, not an object (which would put the key `0` first): the server resolves the arguments
  // when `0` arrives, from the fields received before it.
  const all: [string, string][] = [
    ...Object.entries(fields).map(([k, v]): [string, string] => [`_1_${k}`, v]),
    ['0', '[null,"$K1"]'],
  ];
  const boundary = `----bench${createHash('md5').update(JSON.stringify(all)).digest('hex').slice(0, 16)}`;
  const body =
    all.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
    `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A sandbox ResultURL notification signed with Password #2, as the gateway sends it. */
export function notificationBody(
  invId: number,
  amountKopecks: number,
  password2 = SANDBOX_PASSWORDS.SANDBOX_PASSWORD2,
): string {
  const outSum = (amountKopecks / 100).toFixed(6);
  const signature = createHash('md5')
    .update([outSum, String(invId), password2, 'Shp_purpose=electricity'].join(':'))
    .digest('hex');
  return new URLSearchParams({
    OutSum: outSum,
    InvId: String(invId),
    Fee: '0.000000',
    PaymentMethod: 'BankCard',
    IncCurrLabel: 'BankCardPSR',
    IncAccount: '411111******1111',
    SignatureValue: signature.toUpperCase(),
    Shp_purpose: 'electricity',
  }).toString();
}
