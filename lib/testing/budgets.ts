// Time budgets for unit tests that do heavy work. Vitest's default of 5 s per test is many times what
// they need on an idle machine, but not on a loaded one: on two shared cores busy with a build or other
// test runs, the 10,001-row logframe test took 5.6 s and failed. These budgets are well above what
// such a test takes there (1 s for the heaviest beside a CPU hog, 5-6 s at worst seen), so a test fails
// for what it checks, never for the machine being busy.

/** Builds or reads a large generated input: a 10,001-row workbook, a 20 MB zip, a 21 MB XML string. */
export const bigInput = { timeout: 60_000 };

/** A property test: fast-check runs its check on 100 or more generated cases. */
export const propertyRuns = { timeout: 30_000 };
