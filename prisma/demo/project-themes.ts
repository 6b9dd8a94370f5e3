// The demo projects' themes (#34: roll-ups by theme), from the catalogue studies are filed under
// (StudyTheme, shipped by the studies migration): the same words the projects' own studies use.
export const demoProjectThemes: Record<string, string[]> = {
  "SA-HIV-MOB": ["hiv", "migration"],
  "PE-VEN-2021": ["migration", "protection"],
  "WB-ROMA-W": ["gender"],
};
