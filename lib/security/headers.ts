/**
 * The security headers every page is served with (set by `proxy.ts`): a nonce-based Content-Security-Policy
 * without `unsafe-eval`, `nosniff`, a referrer policy, a permissions policy, and framing refused everywhere
 * except under `/embed/`, whose pages exist to be framed by other sites.
 */

/** Paths that other sites may frame: `/embed` and everything under it. */
export function isEmbedPath(pathname: string): boolean {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

/** A fresh nonce for one response: 16 random bytes, base64. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/**
 * The Content-Security-Policy of a page. Scripts: only this origin's and those carrying the nonce
 * (`strict-dynamic` lets them load the chunks they need; no `unsafe-eval`, no `unsafe-inline`). Styles: this
 * origin's and nonce'd ones; `style` attributes, which React writes for layout, are allowed. Images and fonts may
 * be `blob:` and `data:` (exports draw the chart from a blob and embed the font as data URIs); workers may be
 * this origin's or `blob:`. Nothing may be framed; the page may be framed only under `/embed/`.
 * `dev` adds what the development server's error overlay needs (`unsafe-eval`), never in production.
 */
export function contentSecurityPolicy(nonce: string, pathname: string, dev = false): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    isEmbedPath(pathname) ? "frame-ancestors *" : "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Every security header of a page except the CSP, by path. */
export function staticSecurityHeaders(pathname: string): Record<string, string> {
  const h: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    // Links carry the whole scenario in the query: other origins get only our origin, never the scenario.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (!isEmbedPath(pathname)) h["X-Frame-Options"] = "DENY";
  return h;
}
