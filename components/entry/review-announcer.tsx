"use client";
import { createContext, type ReactNode, useContext, useState } from "react";

const Announce = createContext<(text: string) => void>(() => {});

/**
 * The review page's last decision, said in one place that stays: a decided row leaves the list and the
 * bulk form leaves with the last value waiting, so a confirmation shown beside them would vanish with them.
 */
export function ReviewAnnouncer({ children }: { children: ReactNode }) {
  const [text, setText] = useState("");
  return (
    <Announce.Provider value={setText}>
      <p role="status" className="review-announcement" data-testid="review-announcement">
        {text}
      </p>
      {children}
    </Announce.Provider>
  );
}

/** Says a decision in the page's announcement. */
export const useAnnounce = () => useContext(Announce);
