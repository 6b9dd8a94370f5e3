// Fetch helpers for the browser: every API error arrives as application/problem+json.

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly errors: { field: string; message: string }[] = [],
  ) {
    super(code);
    this.name = "ProblemError";
  }
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ProblemError(response.status, problem.code ?? "internal", problem.errors);
  }
  return response.json() as Promise<T>;
}
