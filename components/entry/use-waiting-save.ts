"use client";
// The save waiting for the connection (offline-sync), kept in this browser beside the typed values.
import { useEffect, useState } from "react";
import { joinWaiting, parseWaiting, type Waiting, waitingKey } from "./offline-sync";

export function useWaitingSave(userId: string, projectId: string, timeId: string) {
  const storageKey = waitingKey(userId, projectId, timeId);
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    setWaiting(parseWaiting(window.localStorage.getItem(storageKey)));
    setLoaded(true);
  }, [storageKey]);

  const store = (next: Waiting | null) => {
    setWaiting(next);
    if (next) window.localStorage.setItem(storageKey, JSON.stringify(next));
    else window.localStorage.removeItem(storageKey);
  };
  /** Typed cells saved without a connection: they wait with those already waiting. */
  const wait = (more: Waiting) => store(joinWaiting(waiting, more));
  /** Cells no longer waiting (saved, or their typed value dropped); all of them when none are named. */
  const done = (keys?: string[]) => {
    if (!keys || !waiting) return store(null);
    const left = waiting.keys.filter((k) => !keys.includes(k));
    store(left.length ? { ...waiting, keys: left } : null);
  };
  return { waiting, loaded, wait, done };
}
