import type { NextConfig } from "next";

/** Next.js configuration: a single app; the model is plain TypeScript imported from lib/. */
const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
