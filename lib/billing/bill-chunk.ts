// One chunk of a billing run: the bills (run-sql.ts) and then their penalties (penalty-sql.ts), two
// statements on the caller's transaction so the chunk is written whole or not at all. The run, the
// staff preview (rolled back) and the demo seed all bill through here: nothing else writes a bill.
import type { Db, Tx } from '@/db/client';
import { accruePenaltiesStatement } from './penalty-sql';
import { billChunkStatement, rowsOf, type ChunkResult, type ChunkScope } from './run-sql';

/** SQL statements `billChunk` sends. */
export const CHUNK_STATEMENTS = 2;

export async function billChunk(
  tx: Db | Tx,
  opts: { runId: string; period: string; scope: ChunkScope; at: string; startedBy: string | null },
): Promise<ChunkResult | undefined> {
  const [result] = rowsOf<ChunkResult>(await tx.execute(billChunkStatement(opts)));
  await tx.execute(accruePenaltiesStatement({ runId: opts.runId, scope: opts.scope }));
  return result;
}
