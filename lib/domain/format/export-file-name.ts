/**
 * An export's file name: the project's code and what it is, and DRAFT when it holds values not yet
 * approved, so a draft can never be mistaken for (or overwrite) the approved file in a downloads folder.
 */
export function exportFileName(projectCode: string, what: string, extension: string, draft: boolean): string {
  return `${projectCode}-${what}${draft ? "-DRAFT" : ""}.${extension}`;
}
