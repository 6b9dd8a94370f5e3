// The measure table: everything that differs between the indicator measures (COUNT, PERCENTAGE, MEAN,
// QUALITATIVE) in one place. Code elsewhere looks a measure's behaviour up here instead of testing
// which measure it is, so adding a measure is a compile error here (a missing row) and nowhere else
// but where a new kind of behaviour must really be decided (an aggregation kind, for instance).
import type { Measure } from "@/lib/domain/engine/types";
import type { MeasureBehaviour } from "./behaviour";

const whole = { maximumFractionDigits: 0 };

export const measureTable: Record<Measure, MeasureBehaviour> = {
  COUNT: {
    aggregation: "sum",
    value: "number",
    format: { digits: whole, suffix: "", scale: "open" },
    sampleSize: "never",
    entryFields: { MONITORING: ["value"], SURVEY: ["value"] },
    iati: { writes: 1, reads: ["1"] },
  },
  PERCENTAGE: {
    aggregation: "ratioOfSums",
    value: "number",
    format: { digits: { maximumFractionDigits: 1, minimumFractionDigits: 1 }, suffix: " %", scale: "percent" },
    sampleSize: "survey",
    entryFields: { MONITORING: ["numerator", "denominator"], SURVEY: ["numerator", "denominator", "sampleSize"] },
    iati: { writes: 2, reads: ["2"] },
  },
  MEAN: {
    aggregation: "weightedMean",
    value: "number",
    format: { digits: { maximumFractionDigits: 2, minimumFractionDigits: 1 }, suffix: "", scale: "open" },
    sampleSize: "always",
    entryFields: { MONITORING: ["value", "sampleSize"], SURVEY: ["value", "sampleSize"] },
    // IATI has no code for a mean: written as a unit (1), the app's extension keeps it a mean.
    iati: { writes: 1, reads: [] },
  },
  QUALITATIVE: {
    aggregation: "none",
    value: "text",
    format: { digits: whole, suffix: "", scale: "open" },
    sampleSize: "never",
    entryFields: { MONITORING: ["textValue"], SURVEY: ["textValue"] },
    // Qualitative (5); nominal (3) and ordinal (4) values are read as words too.
    iati: { writes: 5, reads: ["3", "4", "5"] },
  },
};
