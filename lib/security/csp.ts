// The Content-Security-Policy and the other response headers that depend on the running instance.
// Why a nonce on most pages and a per-build nonce on the public ones: docs/decisions/007-content-security-policy.md.

/**
 * Hosts our pages may submit a form to: the payment gateways' hosted pages (the payer is handed
 * over by an auto-submitted POST form). Written out rather than imported so the proxy does not
 * bundle the gateways; a test checks it against each gateway's pay URL. A gateway added to the
 * registry adds its form's origin here.
 */
export const GATEWAY_FORM_ORIGINS: readonly string[] = [
  'https://auth.robokassa.ru',
  'https://moneta.ru',
  'https://demo.moneta.ru',
  'https://my.net2pay.ru',
  'https://demo.net2pay.ru',
];

/**
 * Route handlers that send a stricter policy of their own (an uploaded photo: `sandbox`). Next.js
 * keeps the proxy's header when a handler sets the same one, so the proxy leaves these alone.
 */
const OWN_POLICY_PATHS: readonly RegExp[] = [/^\/admin\/meters\/[^/]+\/photo$/];

export function hasOwnPolicy(pathname: string): boolean {
  return OWN_POLICY_PATHS.some((p) => p.test(pathname));
}

export interface PolicyOptions {
  nonce: string;
  /** `next dev`: React needs eval for its error overlay, and styles are injected without a nonce. */
  development: boolean;
  /** Served over https (APP_URL): plain-http subresources are upgraded. */
  https: boolean;
}

export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // 'strict-dynamic': the framework's nonce'd scripts may load their chunks; nothing else runs.
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // Stylesheets and <style> need the nonce; style="" attributes (charts, the letter preview) are
    // allowed: they cannot run code, and img-src/font-src keep them from loading anything foreign.
    ['style-src', "'self'", development ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['manifest-src', "'self'"],
    ['worker-src', "'self'"],
    ['frame-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'", ...GATEWAY_FORM_ORIGINS],
    ['frame-ancestors', "'none'"],
  ];
  if (https) directives.push(['upgrade-insecure-requests']);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** A year, subdomains included (the utility's subdomains are its own). Only ever sent over https. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** Headers that are the same on every response; next.config.ts sends them on static files too. */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // The portal uses none of these; a framed or injected page must not ask for them.
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), display-capture=()',
  },
  // For browsers that predate frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
