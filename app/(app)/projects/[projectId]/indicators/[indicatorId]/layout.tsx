import type { ReactNode } from "react";
import { gateIndicatorPage } from "@/lib/server/projects/page-gate";

export default async function Layout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string; indicatorId: string }>;
}) {
  await gateIndicatorPage(params);
  return children;
}
