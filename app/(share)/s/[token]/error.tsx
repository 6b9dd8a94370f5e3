"use client";
import { ErrorState } from "@/components/ui/error-state";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="content">
      <ErrorState reset={reset} />
    </main>
  );
}
