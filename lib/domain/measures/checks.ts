// The checks of an entered figure per measure: results (entry grid, imports, API) and targets, in a
// table of their own beside the measure table (measureChecks, at the end).

import type { Measure } from "@/lib/domain/engine/types";
import { countsWholeThings } from "@/lib/domain/engine/units";
import type { MeasureChecks } from "./behaviour";

type ResultCheck = MeasureChecks["resultProblems"];
type TargetCheck = MeasureChecks["targetProblems"];

/** A count: required, whole unless its unit measures a quantity (ha, km, USD), not negative, in bounds. */
export const countResult: ResultCheck = (input, rules, _weighted, add) => {
  const whole = rules.wholeNumbers ?? countsWholeThings(rules.unit);
  if (input.value === null || input.value === undefined) add("value", "required");
  else if (whole && !Number.isInteger(input.value)) add("value", "wholeNumber");
  else if (input.value < 0) add("value", "negative");
  if (typeof input.value === "number") withinBounds(input.value, rules, add);
};

/** A mean: required, in bounds, whole only when the indicator says so. */
export const meanResult: ResultCheck = (input, rules, _weighted, add) => {
  if (input.value === null || input.value === undefined) add("value", "required");
  if (typeof input.value === "number") {
    withinBounds(input.value, rules, add);
    if (rules.wholeNumbers && !Number.isInteger(input.value)) add("value", "wholeNumber");
  }
};

function withinBounds(value: number, rules: Parameters<ResultCheck>[1], add: Parameters<ResultCheck>[3]) {
  if (rules.minValue != null && value < rules.minValue) add("value", "belowMin");
  if (rules.maxValue != null && value > rules.maxValue) add("value", "aboveMax");
}

/**
 * A percentage: its numerator and denominator, which count people or things (whole numbers), or for
 * weighted survey figures are sums of weights, the denominator being the sum given.
 */
export const percentageResult: ResultCheck = (input, _rules, weighted, add) => {
  const { numerator: n, denominator: d } = input;
  if (n === null || n === undefined) add("numerator", "required");
  else if (n < 0) add("numerator", "negative");
  else if (!weighted && !Number.isInteger(n)) add("numerator", "wholeNumber");
  if (d === null || d === undefined) add("denominator", "required");
  else if (d <= 0) add("denominator", "notPositive");
  else if (!weighted && !Number.isInteger(d)) add("denominator", "wholeNumber");
  else if (weighted && input.weightSum !== d) add("weightSum", "notTheDenominator");
  if (n != null && d != null && n > d) add("numerator", "greaterThanDenominator");
};

/** Words: required. */
export const textResult: ResultCheck = (input, _rules, _weighted, add) => {
  if (!input.textValue) add("textValue", "required");
};

export const countTarget: TargetCheck = ({ value }, add) => {
  if (value == null) add("value", "required");
  else if (!Number.isInteger(value)) add("value", "wholeNumber");
  else if (value < 0) add("value", "negative");
};

export const meanTarget: TargetCheck = ({ value }, add) => {
  if (value == null) add("value", "required");
};

/** A percentage target: a lone percentage (0–100) or its counts. */
export const percentageTarget: TargetCheck = ({ value, numerator: n, denominator: d }, add) => {
  if (n == null && d == null) {
    if (value == null) add("value", "required");
    else if (value < 0 || value > 100) add("value", "percentRange");
  } else {
    if (n == null) add("numerator", "required");
    else if (n < 0) add("numerator", "negative");
    if (d == null) add("denominator", "required");
    else if (d <= 0) add("denominator", "notPositive");
    if (n != null && d != null && n > d) add("numerator", "greaterThanDenominator");
  }
};

export const textTarget: TargetCheck = ({ note }, add) => {
  if (!note?.trim()) add("note", "required");
};

/** Each measure's checks of an entered result and target: a missing row is a compile error. */
export const measureChecks: Record<Measure, MeasureChecks> = {
  COUNT: { resultProblems: countResult, targetProblems: countTarget },
  PERCENTAGE: { resultProblems: percentageResult, targetProblems: percentageTarget },
  MEAN: { resultProblems: meanResult, targetProblems: meanTarget },
  QUALITATIVE: { resultProblems: textResult, targetProblems: textTarget },
};
