// Every test fails on an unexpected console.error. The action and route helpers turn a crash into
// a polite failure and log it, so a test that checks only `ok === false` would pass on a crash;
// the log is the one trace left, and here it is a failure. Installed for every test file by
// vitest.config.ts (setupFiles).
//
// A test that provokes an error on purpose says so, narrowly, for itself only:
//   const logged = expectConsoleError(/giving up on/);   // …then, if it matters, expect(logged.messages)…
// A matching message is kept quiet; the test fails if none came, and any other message still fails.
import { inspect } from 'node:util';
import { afterAll, afterEach, onTestFinished } from 'vitest';

interface Allowance {
  pattern: RegExp;
  count: number;
  /** What was logged, as text, in order. */
  messages: string[];
}

const print = console.error.bind(console);
let unexpected: string[] = [];
let allowed: Allowance[] = [];

function textOf(args: unknown[]): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 4 }))).join(' ');
}

console.error = (...args: unknown[]) => {
  const text = textOf(args);
  const allowance = allowed.find((a) => a.pattern.test(text));
  if (allowance) {
    allowance.count++;
    allowance.messages.push(text);
    return;
  }
  unexpected.push(text);
  print(...args);
};

/** This test logs an error matching `pattern` at least once; it is expected, not a failure. */
export function expectConsoleError(pattern: RegExp): Readonly<Allowance> {
  const allowance: Allowance = { pattern, count: 0, messages: [] };
  allowed.push(allowance);
  onTestFinished(() => {
    allowed = allowed.filter((a) => a !== allowance);
    if (allowance.count === 0) throw new Error(`expected a console.error matching ${pattern}, none was logged`);
  });
  return allowance;
}

function failOnUnexpected(where: string) {
  if (unexpected.length === 0) return;
  const logged = unexpected;
  unexpected = [];
  throw new Error(
    `console.error was called ${where} (${logged.length}×); a test that expects it calls expectConsoleError(/…/):\n` +
      logged.map((text) => `  ${text.slice(0, 600)}`).join('\n'),
  );
}

afterEach(() => failOnUnexpected('during this test'));
afterAll(() => failOnUnexpected('in this file’s set-up or tear-down'));
