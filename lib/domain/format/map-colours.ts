// The map's colours by status, shared by the page's map and the PDF's drawing of it.
import type { Status } from "@/lib/domain/engine/schedule";

export type MapFigure = { locationId: string; status: Status; label: string };

export const fills: Partial<Record<Status, { colour: string; pattern?: "hatch" | "cross" }>> = {
  onTrack: { colour: "#7cc48f" },
  atRisk: { colour: "#f2cc60", pattern: "hatch" },
  offTrack: { colour: "#f08c8c", pattern: "cross" },
};
export const NO_FIGURE = "#e6e9ed";
/** Places without a figure of their own (a country over its regions), drawn beneath the others. */
export const BENEATH_FILL = "#f6f8fa";

/** A status's colour on the map (the page adds its pattern), for drawings made elsewhere (the PDF). */
export const statusFillColour = (status: Status) => fills[status]?.colour ?? NO_FIGURE;
