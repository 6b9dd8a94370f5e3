// Advisory lock names for results. Grid saves take the project's lock shared (many at once, each
// also locking its cells); an import takes it exclusively, so it never interleaves with a save.
export const PROJECT_RESULTS_LOCK = "project-results:";
