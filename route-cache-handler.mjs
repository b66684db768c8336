// The route cache shared by every instance of the app, on Postgres (next.config.ts turns it on with
// ROUTE_CACHE=postgres). Next.js keeps rendered pages on each instance's own disk by default, so a
// page that staff change is invalidated only on the instance that ran the change; here every
// instance reads and invalidates the same rows. Loaded by Next.js itself at run time: plain
// JavaScript, no app modules. The tables are `route_cache` and `route_cache_tags` (db/schema.ts),
// unlogged: a cache that a crash empties is simply rendered again.
//
// The contract (Next.js «cacheHandler»): `get` returns `{ value, lastModified, cacheControl }` or
// null, `set` stores a value, `revalidateTag` marks tags (revalidatePath marks the path's implicit
// tag) so that entries carrying them and written earlier are misses from then on.
import pg from 'pg';

const TAGS_HEADER = 'x-next-cache-tags';
/** Milliseconds since the epoch by the database's clock. */
const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

/** One small pool per process, kept across hot reloads and handler instances. */
function pool() {
  const holder = /** @type {{ __energoRouteCachePool?: pg.Pool }} */ (globalThis);
  holder.__energoRouteCachePool ??= new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 4,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 60_000,
  });
  return holder.__energoRouteCachePool;
}

/** Pages hold Buffers (the RSC payload) and Maps (segment data): JSON keeps them tagged. */
function encode(value) {
  return JSON.stringify(value, function replace(key, v) {
    const raw = this[key];
    if (Buffer.isBuffer(raw)) return { __buffer: raw.toString('base64') };
    if (raw instanceof Map) return { __map: [...raw.entries()] };
    return v;
  });
}

function decode(text) {
  return JSON.parse(text, (_key, v) => {
    if (v && typeof v === 'object' && typeof v.__buffer === 'string') return Buffer.from(v.__buffer, 'base64');
    if (v && typeof v === 'object' && Array.isArray(v.__map)) return new Map(v.__map);
    return v;
  });
}

/** The tags an entry carries: a page's are in its headers, a data entry's come with `set`. */
function tagsOf(data, ctx) {
  const header = data?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === 'string' ? header.split(',').filter(Boolean) : [];
  return [...new Set([...fromHeader, ...(ctx?.tags ?? [])])];
}

export default class PostgresRouteCache {
  async get(key, ctx) {
    const extra = [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    try {
      const { rows } = await pool().query(
        `select c.payload, c.last_modified, c.cache_control
           from route_cache c
          where c.key = $1
            and not exists (
              select 1 from route_cache_tags t
               where t.tag = any(c.tags || $2::text[]) and t.revalidated_at >= c.last_modified)`,
        [key, extra],
      );
      const row = rows[0];
      if (!row) return null;
      return {
        value: decode(row.payload),
        lastModified: Number(row.last_modified),
        cacheControl: row.cache_control ?? undefined,
      };
    } catch (error) {
      // The database away: render afresh rather than fail the page.
      console.warn('route cache: read failed', error instanceof Error ? error.message : error);
      return null;
    }
  }

  async set(key, data, ctx) {
    if (data === null) {
      await pool().query('delete from route_cache where key = $1', [key]);
      return;
    }
    await pool().query(
      `insert into route_cache (key, payload, tags, last_modified, cache_control)
       values ($1, $2, $3, ${NOW_MS}, $4)
       on conflict (key) do update
         set payload = excluded.payload, tags = excluded.tags,
             last_modified = excluded.last_modified, cache_control = excluded.cache_control`,
      [key, encode(data), tagsOf(data, ctx), ctx?.cacheControl ? JSON.stringify(ctx.cacheControl) : null],
    );
  }

  async revalidateTag(tags) {
    const list = (Array.isArray(tags) ? tags : [tags]).filter(Boolean);
    if (list.length === 0) return;
    // The database's clock for both sides of the comparison, so instances on machines whose clocks
    // differ agree on what was written before the invalidation.
    await pool().query(
      `insert into route_cache_tags (tag, revalidated_at)
       select tag, ${NOW_MS} from unnest($1::text[]) as tag
       on conflict (tag) do update set revalidated_at = excluded.revalidated_at`,
      [list],
    );
  }

  resetRequestCache() {}
}
