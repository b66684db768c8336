// Auth.js: three credentials doors (household, company, staff) and signed JWT session cookies.
// The token carries the user id, role and session version; lib/auth/session.ts compares the
// version with the database on every request, which is what ends old sessions.
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authenticate } from '@/lib/auth/authenticate';
import type { LoginFailure, LoginKind } from '@/lib/auth/login-kinds';
import { verifiedSessionRefresh } from '@/lib/auth/session-refresh';
import { authSecret } from '@/lib/config/auth-secret';
import { clientIp } from '@/lib/http/client-ip';
import { describeError, log } from '@/lib/log';

declare module 'next-auth' {
  interface User {
    role?: string;
    sessionVersion?: number;
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid?: string;
    role?: string;
    sv?: number;
  }
}

class LoginRefused extends CredentialsSignin {
  constructor(reason: LoginFailure) {
    super(reason);
    this.code = reason;
  }
}

function door(kind: LoginKind) {
  return Credentials({
    id: kind,
    credentials: { login: {}, password: {} },
    async authorize(credentials, request) {
      const login = typeof credentials.login === 'string' ? credentials.login : '';
      const password = typeof credentials.password === 'string' ? credentials.password : '';
      if (!login || !password || login.length > 254 || password.length > 1024) throw new LoginRefused('invalid');
      const outcome = await authenticate({ kind, login, password, ip: clientIp(request.headers) });
      if (!outcome.ok) throw new LoginRefused(outcome.reason);
      const { user } = outcome;
      return {
        id: user.id,
        name: user.fullName,
        email: user.email,
        role: user.role,
        sessionVersion: user.sessionVersion,
      };
    },
  });
}

const SESSION_MAX_AGE = 7 * 24 * 60 * 60;

function config(): NextAuthConfig {
  return {
    // Read lazily: `next build` imports this module without any secret configured.
    secret: authSecret(),
    trustHost: true,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE, updateAge: 24 * 60 * 60 },
    pages: { signIn: '/fiz/login' },
    providers: [door('household'), door('company'), door('staff')],
    callbacks: {
      jwt({ token, user, trigger, session }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion;
        }
        if (trigger === 'update' && token.uid) {
          const sv = verifiedSessionRefresh(token.uid, session);
          if (sv !== null) token.sv = sv;
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: token.uid ?? '', role: token.role, sessionVersion: token.sv },
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
