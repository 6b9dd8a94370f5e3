// The shapes of places as the maps and the readers share them: GeoJSON positions and outlines.
export type Position = [number, number];

export type Boundary =
  | { type: "Polygon"; coordinates: Position[][] }
  | { type: "MultiPolygon"; coordinates: Position[][][] };

export type BoundaryProblem =
  | { code: "notGeoJson" }
  | { code: "noFeatures" }
  | { code: "badGeometry"; feature: number }
  | { code: "badCoordinates"; feature: number }
  | { code: "tooDetailed"; place: string; points: number; limit: number }
  | { code: "tooManyPoints"; points: number; limit: number };

export type PlaceToMatch = { locationId: string; isoCode: string | null; name: string };
export type MatchedPlace = { locationId: string; name: string; boundary: Boundary | null; point: Position | null };
export type BoundaryReading =
  | { ok: true; matched: MatchedPlace[]; unmatched: string[] }
  | { ok: false; problems: BoundaryProblem[] };
