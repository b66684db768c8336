// A request's status machine as a pure table (who may move it from which status to which), and the
// one check every workflow runs against its table. Each domain keeps its own table and messages in
// lib/<domain>/status.ts; the database trigger check_status_transition() repeats the edges
// (migration one_status_trigger). Pure: client components read the labels next to the tables.

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

/** For each status, the statuses it may move to and the actors who may move it there. */
export type StatusEdges<S extends string, A extends string> = Record<S, Partial<Record<S, readonly A[]>>>;

export interface StatusMachine<S extends string, A extends string> {
  /** Whether `actor` may move a row from `from` to `to`, with the Russian reason when not. */
  check: (from: S, to: S, actor: A) => TransitionCheck;
  /** Every (from, to) pair some actor may take; what the database trigger lists. */
  edges: () => [S, S][];
}

export function statusMachine<S extends string, A extends string>(machine: {
  statuses: readonly S[];
  edges: StatusEdges<S, A>;
  labels: Record<S, string>;
  /** Why a row in `from` cannot change at all (a final status), or undefined when it can. */
  finalRefusal: (from: S) => string | undefined;
  /** Why `actor` may not take an edge that `allowed` may. */
  wrongActor: (allowed: readonly A[], actor: A) => string;
}): StatusMachine<S, A> {
  const { statuses, edges, labels } = machine;
  return {
    check(from, to, actor) {
      const allowed = edges[from][to];
      if (allowed?.includes(actor)) return { ok: true };
      const final = machine.finalRefusal(from);
      if (final) return { ok: false, reason: final };
      if (allowed) return { ok: false, reason: machine.wrongActor(allowed, actor) };
      return { ok: false, reason: `Заявку в статусе «${labels[from]}» нельзя перевести в «${labels[to]}»` };
    },
    edges: () => statuses.flatMap((from) => (Object.keys(edges[from]) as S[]).map((to): [S, S] => [from, to])),
  };
}
