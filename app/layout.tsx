import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Chokepoint — AI compute supply-chain simulator",
  description: "When does the GPU, CPU, memory or wafer shortage end, who gets throttled meanwhile, and what does a GPU-hour earn?",
};

/**
 * Root layout. Rendered per request (`connection()`), because the Content-Security-Policy's nonce, made by
 * `proxy.ts` for each response, must be on the page's scripts; a page built ahead of time could not carry it.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
