// The indicator engine: the pure math behind every number the app shows or exports.
export * from "./aggregate";
export * from "./targets";
export type * from "./types";
