// Runs once when a server process starts: refuses to serve on a configuration that is not fit for
// production (lib/env.ts says what is required), with a message naming each missing setting.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env, productionConfigProblems } = await import("./lib/env");
  const problems = productionConfigProblems(env());
  if (problems.length) {
    throw new Error(
      `The server cannot start:\n- ${problems.join("\n- ")}\nSee .env.example and the README's "A real deployment".`,
    );
  }
}
