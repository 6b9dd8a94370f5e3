// Which of a study's texts (one per language) a reader sees: the one in the page's language, else the first.

export function textFor<T extends { language: string }>(texts: readonly T[], locale: string): T | undefined {
  return texts.find((t) => t.language.split("-")[0] === locale) ?? texts[0];
}

/** A vocabulary row's name (a type, a theme) in the page's language. */
export function nameFor(row: { nameEn: string; nameEs: string }, locale: string): string {
  return locale === "es" ? row.nameEs : row.nameEn;
}
