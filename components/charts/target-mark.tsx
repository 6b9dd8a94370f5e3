import { chartColours } from "./chart-frame";

/**
 * The target drawn as a bar across the value: vertical across a horizontal bar, or the reverse. Nothing
 * where there is no target (a survey round without one drew a stray mark at zero).
 */
export function TargetMark({
  cx,
  cy,
  payload,
  across = "vertical",
}: {
  cx?: number;
  cy?: number;
  payload?: { target?: number | null };
  across?: "vertical" | "horizontal";
}) {
  if (payload?.target == null || cx === undefined || cy === undefined) return null;
  if (!Number.isFinite(cx) || !Number.isFinite(cy)) return null;
  return across === "vertical" ? (
    <rect x={cx - 2} y={cy - 12} width={4} height={24} fill={chartColours.target} />
  ) : (
    <rect x={cx - 18} y={cy - 2} width={36} height={4} fill={chartColours.target} />
  );
}
