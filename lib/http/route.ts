// The route-handler twin of `userAction`: a route handler is not under any layout, so it checks the
// session itself, here, in one way. Refusals are short Russian sentences with the headers every
// private answer carries; a crash becomes a polite 500 (or 503 while the database is away) that is
// logged, never a stack trace in the browser.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { canUseDoor, currentUser, loginPathByDoor, type SessionUser } from '@/lib/auth/session';
import type { LoginDoor } from '@/lib/auth/login-doors';
import { companyMemberOf } from '@/lib/company/access';
import { companyRoleCan, type CompanyCapability } from '@/lib/company/roles';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { isUuid } from '@/lib/validation/ids';
import { refusal, type RefusalFormat } from './private-response';

export interface UserRouteOptions<C> {
  /**
   * Without a session: a 401 with this sentence (for downloads and pollers, which must not loop
   * through a login page), or `{ login }` → a redirect to the door's login page and back to the
   * path it returns (only a path of ours; anything else goes back to the door's start page), or
   * `'not-found'` when the path cannot name anything (a malformed id): the 404, session or not.
   */
  unauthenticated: string | { login: (context: C, request: Request) => Promise<LoginBack> | LoginBack };
  /**
   * A signed-in user of another door, or one the rules below keep out: a 403 with this sentence,
   * or `'not-found'` to say nothing more.
   */
  forbidden: string | 'not-found';
  /** The 404 sentence: the thing does not exist, or is not this user's (the handler returned null). */
  notFound: string;
  format?: RefusalFormat;
}

/** Who inside the door may use the route: each rule belongs to one door. */
type DoorRules<D extends LoginDoor> = D extends 'company'
  ? {
      /** Only the company roles that have this part of the cabinet (lib/company/roles.ts). */
      capability?: CompanyCapability;
      adminOnly?: never;
    }
  : D extends 'staff'
    ? {
        /** Administrators only; other staff get a 403 with this sentence. */
        adminOnly?: string;
        capability?: never;
      }
    : { capability?: never; adminOnly?: never };

type LoginBack = string | null | 'not-found';

/** The way back after the login to a path that names these ids, or the 404 when one is malformed. */
export function backIfIds(path: string, ...ids: string[]): LoginBack {
  return ids.every((id) => isUuid(id)) ? path : 'not-found';
}

const UNAVAILABLE = 'Сервис временно недоступен. Попробуйте ещё раз через минуту.';
const UNEXPECTED = 'Не получилось подготовить ответ. Попробуйте ещё раз через минуту.';

/**
 * A GET/POST handler for the users of one door. The handler returns its answer, or null when the
 * thing asked for does not exist or belongs to someone else (the same 404 either way, so nobody
 * learns which ids exist).
 */
export function userRoute<C, D extends LoginDoor>(
  door: D,
  options: UserRouteOptions<C> & DoorRules<D>,
  handler: (request: Request, user: SessionUser, context: C) => Promise<Response | null>,
): (request: Request, context: C) => Promise<Response> {
  const format = options.format ?? 'text';
  return async (request, context) => {
    try {
      const user = await currentUser();
      if (!user) {
        const { unauthenticated } = options;
        if (typeof unauthenticated === 'string') return refusal(401, unauthenticated, format);
        const back = await unauthenticated.login(context, request);
        return back === 'not-found' ? refusal(404, options.notFound, format) : loginRedirect(door, back);
      }
      const shut = options.capability && !companyRoleCan(companyMemberOf(user)?.role, options.capability);
      if (!canUseDoor(user, door) || shut) {
        return options.forbidden === 'not-found'
          ? refusal(404, options.notFound, format)
          : refusal(403, options.forbidden, format);
      }
      if (options.adminOnly && user.role !== 'admin') return refusal(403, options.adminOnly, format);
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
