"use client";
import { createContext, type ReactNode, useContext } from "react";
import type { PlaceMap } from "@/lib/domain/maps/shapes";

const PlaceMapContext = createContext<PlaceMap | null>(null);

/** The project's places drawn once by the server, for every indicator card's map below it. */
export function PlaceMapProvider({ map, children }: { map: PlaceMap | null; children: ReactNode }) {
  return <PlaceMapContext.Provider value={map}>{children}</PlaceMapContext.Provider>;
}

export const usePlaceMap = () => useContext(PlaceMapContext);
