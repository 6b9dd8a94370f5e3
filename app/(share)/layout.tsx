import type { Metadata } from "next";
import type { ReactNode } from "react";

// Donor pages are reached by secret links: never indexed, never followed.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function ShareLayout({ children }: { children: ReactNode }) {
  return children;
}
