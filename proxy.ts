/**
 * Runs before every page request (Next 16's proxy, formerly middleware): makes a nonce, hands it to the render
 * through the request's Content-Security-Policy header (Next puts it on its own scripts), and sets the security
 * headers of lib/security/headers.ts on the response. Nothing from the URL is used except the path, to tell
 * embeddable pages from the rest.
 */
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, makeNonce, staticSecurityHeaders } from "./lib/security/headers";

/** Adds a per-request nonce CSP and the other security headers. */
export function proxy(request: NextRequest): NextResponse {
  const nonce = makeNonce();
  const pathname = request.nextUrl.pathname;
  const csp = contentSecurityPolicy(nonce, pathname, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(staticSecurityHeaders(pathname))) response.headers.set(k, v);
  return response;
}

/** Pages only: static files under /_next/static and the fonts are served by Next with their own headers. */
export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|fonts/|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
