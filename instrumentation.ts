// Runs once when a server instance starts, before it answers requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { prepareDatabase } = await import('./lib/startup');
  await prepareDatabase();
}
