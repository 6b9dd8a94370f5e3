import { chartColours } from "./chart-frame";

/** The target drawn as a bar across the value: vertical across a horizontal bar, or the reverse. */
export function TargetMark({
  cx,
  cy,
  across = "vertical",
}: {
  cx?: number;
  cy?: number;
  across?: "vertical" | "horizontal";
}) {
  if (cx === undefined || cy === undefined) return null;
  return across === "vertical" ? (
    <rect x={cx - 2} y={cy - 12} width={4} height={24} fill={chartColours.target} />
  ) : (
    <rect x={cx - 18} y={cy - 2} width={36} height={4} fill={chartColours.target} />
  );
}
