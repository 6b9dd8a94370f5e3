// A choropleth of one indicator's status per place: each outline (or a dot where a place has none)
// filled by its status with a colour and a pattern, and labelled with its achievement and the status's
// symbol, so it reads without colour. No hooks and no script of its own: the donor report renders it on
// the server, the dashboard's cards in the browser. Colours are attributes so a PNG keeps them.

import { statusSymbols } from "@/components/indicators/status-symbols";
import type { Status } from "@/lib/domain/engine/schedule";
import { BENEATH_FILL, fills, type MapFigure, NO_FIGURE } from "@/lib/domain/format/map-colours";
import type { PlaceMap } from "@/lib/domain/maps/shapes";

/** Outlines smaller than this (square pixels) cannot hold their label: it goes beside a marker. */
const LABEL_AREA = 900;
/** A generous width per character of an 11 px bold label, to keep labels inside the frame. */
const CHAR_WIDTH = 7;

type Placed = { x: number; anchor: "start" | "middle" | "end"; marker: boolean };

/**
 * Where a place's label goes: in the middle of an outline large enough to hold it; otherwise beside the
 * place (a dot, or a marker on a small outline such as a city region), on the side of the frame's nearer
 * edge (small regions are often coastal, with sea beside them), and never past the frame.
 */
function labelPlace(shape: PlaceMap["shapes"][number], width: number, text: string): Placed {
  if (shape.d && shape.area >= LABEL_AREA) return { x: shape.x, anchor: "middle", marker: false };
  const marker = Boolean(shape.d); // a dot is its own marker
  const room = text.length * CHAR_WIDTH + 10;
  const left = marker && shape.x < width / 2 && shape.x - room >= 0;
  const fitsRight = shape.x + room <= width;
  return left || !fitsRight
    ? { x: shape.x - 8, anchor: "end", marker }
    : { x: shape.x + (marker ? 8 : 10), anchor: "start", marker };
}

const legendOrder = ["onTrack", "atRisk", "offTrack", "noData"] as const;

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {legendOrder.map((status) => {
        const fill = fills[status];
        const colour = fill?.colour ?? NO_FIGURE;
        return (
          <pattern key={status} id={`${prefix}-${status}`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={colour} />
            {fill?.pattern && <path d="M0,6 L6,0" stroke="#1b1f24" strokeWidth="0.8" />}
            {fill?.pattern === "cross" && <path d="M0,0 L6,6" stroke="#1b1f24" strokeWidth="0.8" />}
          </pattern>
        );
      })}
    </defs>
  );
}

const patternOf = (status: Status | undefined) => (status && fills[status] ? status : "noData");

export function PlaceMapDrawing({
  map,
  figures,
  statusLabels,
  otherLabel,
  idPrefix,
  title,
  valueFill,
}: {
  map: PlaceMap;
  figures: MapFigure[];
  statusLabels: Record<Status, string>;
  /** The legend's word for places without a status to show (no target, no data, not yet due). */
  otherLabel: string;
  /** Unique on the page: the patterns are referred to by id. */
  idPrefix: string;
  /** What the map shows, for a pointer resting on it. */
  title: string;
  /**
   * A map of figures without statuses (the organisation's roll-up by country): each place with a figure
   * is filled with this colour and labelled with its figure alone, and there is no status legend.
   */
  valueFill?: string;
}) {
  const byPlace = new Map(figures.map((f) => [f.locationId, f]));
  const shown = map.shapes.filter((s) => byPlace.has(s.locationId));
  // Places without a figure of their own (a country over its regions) are drawn beneath, unfilled.
  const beneath = map.shapes.filter((s) => s.d && !byPlace.has(s.locationId));
  return (
    <div className="place-map">
      <svg
        viewBox={`0 0 ${map.width} ${map.height}`}
        className="place-map-surface"
        data-chart-surface=""
        xmlns="http://www.w3.org/2000/svg"
        fontSize="11"
      >
        <title>{title}</title>
        <Patterns prefix={idPrefix} />
        {beneath.map((s) => (
          <path key={s.locationId} d={s.d ?? ""} fill={BENEATH_FILL} stroke="#8c959f" strokeWidth="0.6" />
        ))}
        {shown.map((s) => {
          const figure = byPlace.get(s.locationId);
          const fill = valueFill ?? `url(#${idPrefix}-${patternOf(figure?.status)})`;
          const title = `${s.name}: ${figure?.label ?? ""} ${figure && !valueFill ? statusLabels[figure.status] : ""}`;
          return s.d ? (
            <path key={s.locationId} d={s.d} fill={fill} stroke="#57606a" strokeWidth="0.8" data-place={s.name}>
              <title>{title}</title>
            </path>
          ) : (
            <circle key={s.locationId} cx={s.x} cy={s.y} r="7" fill={fill} stroke="#1b1f24" data-place={s.name}>
              <title>{title}</title>
            </circle>
          );
        })}
        {shown.map((s) => {
          const figure = byPlace.get(s.locationId);
          if (!figure) return null;
          const text = valueFill ? figure.label : `${statusSymbols[figure.status]} ${figure.label}`;
          const placed = labelPlace(s, map.width, text);
          return (
            <g key={s.locationId} data-label-of={s.name}>
              {placed.marker && <circle cx={s.x} cy={s.y} r="3" fill="#1b1f24" stroke="#ffffff" strokeWidth="1" />}
              <text
                x={placed.x}
                y={s.y + 4}
                textAnchor={placed.anchor}
                fill="#1b1f24"
                stroke="#ffffff"
                strokeWidth="3"
                paintOrder="stroke"
                fontWeight="600"
              >
                {text}
              </text>
            </g>
          );
        })}
      </svg>
      {!valueFill && (
        <ul className="map-legend">
          {legendOrder.map((status) => (
            <li key={status} data-legend-colour={fills[status]?.colour ?? NO_FIGURE}>
              <svg width="14" height="14" aria-hidden="true">
                <rect width="14" height="14" fill={`url(#${idPrefix}-${status})`} stroke="#57606a" />
              </svg>{" "}
              {status === "noData" ? otherLabel : `${statusSymbols[status]} ${statusLabels[status]}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
