// Auth.js: three credentials doors (household, company, staff) and signed JWT session cookies.
// The token names a row of `sessions` (lib/auth/sessions.ts) and carries the user id, role and
// session version; every read of the session — pages, actions, /api/auth/session — checks that
// the row is alive and the version current, so logout and «выйти везде» end copied cookies too.
import { isDatabaseUnavailable } from '@/lib/db-errors';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authenticate } from '@/lib/auth/authenticate';
import type { LoginDoor, LoginFailure } from '@/lib/auth/login-doors';
import { verifiedSessionRefresh } from '@/lib/auth/session-refresh';
import { LONGEST_SESSION_SECONDS, liveSession, openSession } from '@/lib/auth/sessions';
import { staffSecondStep } from '@/lib/auth/staff-login';
import { authSecret } from '@/lib/config/auth-secret';
import { clientIp } from '@/lib/http/client-ip';
import { describeError, log } from '@/lib/log';

declare module 'next-auth' {
  interface User {
    role?: string;
    sessionVersion?: number;
    sid?: string;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    role?: string;
    sv?: number;
    sid?: string;
  }
}

class LoginRefused extends CredentialsSignin {
  constructor(reason: LoginFailure) {
    super(reason);
    this.code = reason;
  }
}

function credentialsDoor(door: LoginDoor) {
  return Credentials({
    id: door,
    credentials: { login: {}, password: {}, code: {}, remember: {} },
    async authorize(credentials, request) {
      const login = typeof credentials.login === 'string' ? credentials.login : '';
      const password = typeof credentials.password === 'string' ? credentials.password : '';
      const code = typeof credentials.code === 'string' ? credentials.code.slice(0, 64) : '';
      const remember = credentials.remember === 'on' || credentials.remember === 'true';
      if (!login || !password || login.length > 254 || password.length > 1024) throw new LoginRefused('invalid');
      const ip = clientIp(request.headers);
      const outcome = await authenticate({ door, login, password, ip });
      if (!outcome.ok) throw new LoginRefused(outcome.reason);
      const { user } = outcome;
      let secondFactor = false;
      if (door === 'staff') {
        const step = await staffSecondStep(user.id, code, ip);
        if (!step.ok) throw new LoginRefused(step.reason);
        secondFactor = step.passed;
      }
      const sid = await openSession({ userId: user.id, door, remember, secondFactor });
      return {
        id: user.id,
        name: user.fullName,
        email: user.email,
        role: user.role,
        sessionVersion: user.sessionVersion,
        sid,
      };
    },
  });
}

function config(): NextAuthConfig {
  return {
    // Read lazily: `next build` imports this module without any secret configured.
    secret: authSecret(),
    trustHost: true,
    // The cookie may live as long as the longest session; each session's own end is in its row.
    session: { strategy: 'jwt', maxAge: LONGEST_SESSION_SECONDS, updateAge: 24 * 60 * 60 },
    pages: { signIn: '/fiz/login' },
    providers: [credentialsDoor('household'), credentialsDoor('company'), credentialsDoor('staff')],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
          token.sid = user.sid;
          return token;
        }
        if (trigger === 'update' && token.uid) {
          const sv = verifiedSessionRefresh(token.uid, session);
          if (sv !== null) token.sv = sv;
        }
        // Null ends the session: Auth.js clears the cookie and every reader sees no one.
        try {
          return (await liveSession(token)) ? token : null;
        } catch (error) {
          // The database away is no reason to sign anyone out (Auth.js would clear the cookie on a
          // throw): the token stands, and the page or action, which checks the session row itself,
          // answers that the service is briefly unavailable.
          if (isDatabaseUnavailable(error)) return token;
          throw error;
        }
      },
      session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: token.uid ?? '', role: token.role, sessionVersion: token.sv, sid: token.sid },
        };
      },
    },
    logger: {
      // A refused login is an expected outcome (audited separately), not a server error.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        log.error({ error: describeError(error) }, 'auth.error');
      },
    },
  };
}

export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth(() => config());
