// Whether this process has already seen the portal set up: kept on globalThis, which the proxy
// (loaded by Next.js in the same process) shares with the app, and read there without a database.

const holder = globalThis as unknown as { __energoSetUp?: boolean };

export function knownSetUp(): boolean {
  return holder.__energoSetUp === true;
}

export function rememberSetUp(): void {
  holder.__energoSetUp = true;
}
