import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Chokepoint — AI compute supply-chain simulator",
  description: "When does the GPU, CPU, memory or wafer shortage end, who gets throttled meanwhile, and what does a GPU-hour earn?",
};

/** Root layout: system fonts only (the build runs offline). */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
