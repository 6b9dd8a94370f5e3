"use client";
import { ErrorState } from "./error-state";

/** The default export of every error.tsx. */
export default function RouteError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState reset={reset} />;
}
