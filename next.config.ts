import type { NextConfig } from "next";

/** Next.js configuration: a single app; the model is plain TypeScript imported from lib/. */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Pages get their full set of security headers (and the CSP nonce) from proxy.ts; these two cover every
  // other response too (scripts, fonts, icons).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
