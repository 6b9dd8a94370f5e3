import type { ReactNode } from "react";
import { gateProjectPage } from "@/lib/projects/page-gate";

export default async function Layout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ projectId: string }>;
}) {
  await gateProjectPage(params, "results.review");
  return children;
}
