import type { PGlite } from '@electric-sql/pglite';
import type PgBoss from 'pg-boss';

/**
 * pg-boss's database seam on the embedded database. pg-boss sends two kinds of text: single
 * statements with parameters (sending, fetching, completing jobs) and parameterless scripts of
 * several statements (its schema migration, maintenance, `BEGIN; …; COMMIT`). PGlite's `query`
 * takes one statement with parameters, `exec` a whole script without; the script's last result
 * is what pg-boss reads.
 */
export function pgliteExecutor(client: PGlite): PgBoss.Db {
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}
