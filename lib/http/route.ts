// The route-handler twin of `userAction`: a route handler is not under any layout, so it checks the
// session itself, here, in one way. Refusals are short Russian sentences with the headers every
// private answer carries; a crash becomes a polite 500 (or 503 while the database is away) that is
// logged, never a stack trace in the browser.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { canUseDoor, currentUser, loginPathByDoor, type SessionUser } from '@/lib/auth/session';
import type { LoginDoor } from '@/lib/auth/login-doors';
import { isDatabaseUnavailable } from '@/lib/db-errors';

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

export interface UserRouteOptions<C> {
  /**
   * Without a session: a 401 with this sentence (for downloads and pollers, which must not loop
   * through a login page), or `{ login }` → a redirect to the door's login page and back to the
   * path it returns (only a path of ours; anything else goes back to the door's start page).
   */
  unauthenticated: string | { login: (context: C) => Promise<string | null> | string | null };
  /** A signed-in user of another door: a 403 with this sentence, or `'not-found'` to say nothing more. */
  forbidden: string | 'not-found';
  /** The 404 sentence: the thing does not exist, or is not this user's (the handler returned null). */
  notFound: string;
  format?: RefusalFormat;
}

const UNAVAILABLE = 'Сервис временно недоступен. Попробуйте ещё раз через минуту.';
const UNEXPECTED = 'Не получилось подготовить ответ. Попробуйте ещё раз через минуту.';

/**
 * A GET/POST handler for the users of one door. The handler returns its answer, or null when the
 * thing asked for does not exist or belongs to someone else (the same 404 either way, so nobody
 * learns which ids exist).
 */
export function userRoute<C>(
  door: LoginDoor,
  options: UserRouteOptions<C>,
  handler: (request: Request, user: SessionUser, context: C) => Promise<Response | null>,
): (request: Request, context: C) => Promise<Response> {
  const format = options.format ?? 'text';
  return async (request, context) => {
    try {
      const user = await currentUser();
      if (!user) {
        const { unauthenticated } = options;
        if (typeof unauthenticated === 'string') return refusal(401, unauthenticated, format);
        return loginRedirect(door, await unauthenticated.login(context));
      }
      if (!canUseDoor(user, door)) {
        return options.forbidden === 'not-found'
          ? refusal(404, options.notFound, format)
          : refusal(403, options.forbidden, format);
      }
      return (await handler(request, user, context)) ?? refusal(404, options.notFound, format);
    } catch (error) {
      unstable_rethrow(error);
      const unavailable = isDatabaseUnavailable(error);
      console[unavailable ? 'warn' : 'error'](`[route] ${request.method} ${new URL(request.url).pathname}`, error);
      return unavailable ? refusal(503, UNAVAILABLE, format) : refusal(500, UNEXPECTED, format);
    }
  };
}

function loginRedirect(door: LoginDoor, next: string | null): Response {
  // A relative Location is right behind any proxy.
  const back = next?.startsWith('/') && !next.startsWith('//') ? `?next=${encodeURIComponent(next)}` : '';
  return new Response(null, {
    status: 307,
    headers: { Location: `${loginPathByDoor[door]}${back}`, 'Cache-Control': 'no-store' },
  });
}
