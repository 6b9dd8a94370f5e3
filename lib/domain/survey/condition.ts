// Conditions on survey answers, as an evaluator writes them: `q5 = yes`, `age >= 18`,
// `services has legal` (a select_multiple answer holds that choice), several joined by `and`.
// Kobo's True/False and 1/0 columns compare equal to each other; `n/a` (a skipped question) is empty.
// Pure: no I/O.

export const operators = ["!=", ">=", "<=", "=", ">", "<", "has"] as const;
export type Operator = (typeof operators)[number];
export type Clause = { column: string; op: Operator; value: string };

export type ParsedCondition = { ok: true; clauses: Clause[] } | { ok: false; clause: string };

const clausePattern = /^([^\s=!<>"']+)\s*(!=|>=|<=|=|>|<|\s+has\s+)\s*(.*)$/i;

/** Reads a condition; an empty text is a condition that always holds (no clauses). */
export function parseCondition(text: string): ParsedCondition {
  const clauses: Clause[] = [];
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, clauses };
  for (const part of trimmed.split(/\s+and\s+/i)) {
    const match = clausePattern.exec(part.trim());
    if (!match) return { ok: false, clause: part.trim() };
    const [, column = "", op = "", raw = ""] = match;
    const value = raw.trim().replace(/^(["'])(.*)\1$/, "$2");
    if (!value && !/^["']{2}$/.test(raw.trim())) return { ok: false, clause: part.trim() };
    clauses.push({ column, op: op.trim().toLowerCase() as Operator, value });
  }
  return { ok: true, clauses };
}

/** An answer as compared: trimmed, lower case, a skipped question empty, True/False as 1/0. */
export function normalAnswer(text: string): string {
  const t = text.trim().toLowerCase();
  if (t === "n/a") return "";
  if (t === "true") return "1";
  if (t === "false") return "0";
  return t;
}

/** A machine-written number (a survey tool writes "12.5"), or null. */
export function answerNumber(text: string): number | null {
  const t = normalAnswer(text);
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(t)) return null;
  return Number(t);
}

export function clauseHolds(clause: Clause, answer: string): boolean {
  const a = normalAnswer(answer);
  const b = normalAnswer(clause.value);
  switch (clause.op) {
    case "has":
      return a.split(/\s+/).includes(b);
    case "=":
    case "!=": {
      const x = answerNumber(a);
      const y = answerNumber(b);
      const same = x !== null && y !== null ? x === y : a === b;
      return clause.op === "=" ? same : !same;
    }
    default: {
      const x = answerNumber(a);
      const y = answerNumber(b);
      if (x === null || y === null) return false;
      if (clause.op === ">") return x > y;
      if (clause.op === ">=") return x >= y;
      if (clause.op === "<") return x < y;
      return x <= y;
    }
  }
}

/** Whether every clause holds, reading each clause's column with `answer`. */
export function conditionHolds(clauses: Clause[], answer: (column: string) => string): boolean {
  return clauses.every((c) => clauseHolds(c, answer(c.column)));
}
