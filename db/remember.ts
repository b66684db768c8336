// One value per process, kept on globalThis: Next.js dev mode reloads modules, and a module-level
// `let` would then open a second database pool or start a second timer. The name is the property
// on globalThis, so a test can put its own value there first (tests/support/test-db.ts).
export function remember<T>(name: `__energo${string}`, factory: () => T): T {
  const holder = globalThis as unknown as Record<string, T | undefined>;
  holder[name] ??= factory();
  return holder[name];
}

/** A process-wide slot for a value that comes and goes (a run in progress), on globalThis for the same reason. */
export function processSlot<T>(name: `__energo${string}`): {
  get: () => T | undefined;
  set: (value: T | undefined) => void;
} {
  const holder = globalThis as unknown as Record<string, T | undefined>;
  return {
    get: () => holder[name],
    set: (value) => {
      holder[name] = value;
    },
  };
}
