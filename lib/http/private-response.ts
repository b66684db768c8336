// The answers of a route handler about one person's data (lib/http/route.ts checks who asks): a
// refusal a person reads, a private file or JSON. Free of the session, so anything may build them.
import 'server-only';

/** Every answer about one person's data: never cached by a proxy, never sniffed into another type. */
const PRIVATE_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' } as const;

export type RefusalFormat = 'text' | 'json';

/** A refusal a person reads: plain text, or `{ error }` for a script that shows it. */
export function refusal(status: number, message: string, format: RefusalFormat = 'text'): Response {
  if (format === 'json') return Response.json({ error: message }, { status, headers: PRIVATE_HEADERS });
  return new Response(message, {
    status,
    headers: { ...PRIVATE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** A private file or JSON answer: the private headers plus the caller's own. */
export function privateResponse(body: BodyInit | null, headers: Record<string, string>, status = 200): Response {
  return new Response(body, { status, headers: { ...PRIVATE_HEADERS, ...headers } });
}

export function privateJson(body: unknown): Response {
  return Response.json(body, { headers: PRIVATE_HEADERS });
}

export interface Download {
  bytes: Uint8Array;
  type: string;
  /** The name a browser saves it under; a name beyond plain ASCII also goes in RFC 5987 form. */
  fileName: string;
}

/**
 * A private file: shown in the browser (a PDF opens in a tab) or, with `download`, saved. `sandbox`
 * for bytes a person uploaded: even if a browser took them for a page, it could run nothing.
 */
export function downloadResponse(file: Download, options: { download?: boolean; sandbox?: boolean } = {}): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const name =
    ascii === file.fileName
      ? `filename="${ascii}"`
      : `filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
  return privateResponse(Buffer.from(file.bytes), {
    'Content-Type': file.type,
    'Content-Length': String(file.bytes.length),
    'Content-Disposition': `${options.download ? 'attachment' : 'inline'}; ${name}`,
    ...(options.sandbox ? { 'Content-Security-Policy': "default-src 'none'; sandbox" } : {}),
  });
}
