// An import or a creation previewed with problems is refused as a whole: nothing was done, and the
// refusal names each problem and carries the preview. The API and background imports answer so; forms
// show the preview and its problems instead.
import { DomainError } from "@/lib/domain/errors";

/**
 * The preview when it has no problem (`count` counts them all; the list may hold only the first);
 * otherwise a validation DomainError (400) with each problem where `field` names it, and the preview.
 */
export function refuseIfProblems<P extends { problems: { code: string }[] }>(
  preview: P,
  count: number,
  detail: string,
  field: (problem: P["problems"][number]) => string,
): P {
  if (count === 0) return preview;
  throw new DomainError("validation", {
    detail,
    fields: preview.problems.map((p) => ({ field: field(p), code: p.code })),
    extra: { preview },
  });
}

/** A project creation or import with problems: 400 "Nothing was created", each problem where it is. */
export function refuseIfCreationProblems<P extends { problems: { where: string; code: string }[] }>(preview: P): P {
  return refuseIfProblems(preview, preview.problems.length, "Nothing was created", (p) => p.where);
}
