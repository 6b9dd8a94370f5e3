// What an import reports: problems stop it; warnings say what was read differently from the file.

export type ImportIssue = {
  /** The element, row or field, e.g. "iati-activity[1]/result[2]/indicator[1]" or "Targets!C7". */
  where: string;
  line?: number;
  /** A message key under "imports.issues" in the translations. */
  code: string;
  detail?: string;
};
