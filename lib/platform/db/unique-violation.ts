// A unique key refused a write that a service's own check let through: two requests checked at once and
// both found the value free. The service answers the loser as its check would have (a field error), not 500.

/** Whether the error is the database refusing a duplicate of a unique key (Prisma's P2002). */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === "P2002";

/** Runs the write; a duplicate of a unique key is answered with `refusal()` instead. */
export async function refusingDuplicates<T>(write: () => Promise<T>, refusal: () => Error): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw isUniqueViolation(error) ? refusal() : error;
  }
}
