// The query string of a list page, declared once per page: the same parsers read the request and
// write every filter and pagination link, so a link can never carry a parameter the page would not
// read back (or drop one it needs). Values that do not parse are ignored, never an error page.
import { createLoader, createParser, createSerializer, type inferParserType, type ParserMap } from 'nuqs/server';
import { isUuid } from '@/lib/validation/ids';

/** A page number from 1; anything else (0, -3, 2.5, «abc», a huge number) reads as the first page. */
export const pageNumber = createParser({
  parse: (value) => (/^[1-9]\d{0,5}$/.test(value) ? Number(value) : null),
  serialize: String,
}).withDefault(1);

/** A row's id (a UUID); anything else reads as absent, so it never reaches a query. */
export const rowId = createParser({ parse: (value) => (isUuid(value) ? value : null), serialize: (value) => value });

/** Free text trimmed and capped at `max` characters; blank reads as absent. */
export function searchText(max: number) {
  return createParser({
    parse: (value) => value.trim().slice(0, max) || null,
    serialize: (value) => value,
  });
}

type LinkValues<P extends ParserMap> = Partial<{ [K in keyof inferParserType<P>]: inferParserType<P>[K] | null }>;

type SearchParams = Record<string, string | string[] | undefined>;

export interface ListParams<P extends ParserMap> {
  /** The page's parameters from its `searchParams` (the promise Next.js passes, or the object). */
  read: (searchParams: Promise<SearchParams>) => Promise<inferParserType<P>>;
  /** The same parameters from a request's URL (an export of the list) or a plain object. */
  parse: (input: URL | URLSearchParams | SearchParams) => inferParserType<P>;
  /**
   * The page's address with these values; defaults are left out, so page 1 is the bare path.
   * `at` puts the same values on another address of the list (its export, with its own parameters).
   */
  href: (values: LinkValues<P>, at?: string) => string;
}

export function listParams<P extends ParserMap>(path: string, parsers: P): ListParams<P> {
  const load = createLoader(parsers);
  const serialize = createSerializer(parsers);
  return {
    read: async (searchParams) => load(await searchParams),
    parse: (input) => load(input),
    href: (values, at = path) => serialize(at, values),
  };
}
