// Runs once when a server instance starts, before it answers requests. NEXT_RUNTIME and NEXT_PHASE
// are Next.js's own signals (the first is inlined by the bundler), not configuration: every setting
// of ours is read in lib/config/env.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareServer } = await import('./lib/startup');
  const { StartRefused } = await import('./lib/config/start-check');
  try {
    await prepareServer();
  } catch (error) {
    if (!(error instanceof StartRefused)) throw error;
    // A refusal is an answer, not a crash: one message with every reason, no stack, no server.
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
