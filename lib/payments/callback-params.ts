import 'server-only';

/** A gateway callback's parameters: the query string, plus a form-encoded body on POST. */
export async function callbackParams(request: Request): Promise<Record<string, string> | null> {
  const out: Record<string, string> = {};
  const add = (key: string, value: string) => {
    // A repeated key is ambiguous (which copy was signed?): refuse it outright.
    if (key in out) throw new RangeError('repeated parameter');
    out[key] = value;
  };
  try {
    new URL(request.url).searchParams.forEach((value, key) => add(key, value));
    if (request.method === 'POST') {
      const text = await request.text();
      if (text.length > 20_000) return null;
      new URLSearchParams(text).forEach((value, key) => add(key, value));
    }
  } catch {
    return null;
  }
  return out;
}
