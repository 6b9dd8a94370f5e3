// What the app's code sends while the bench runs it: every statement of the shared clients is told to
// onQuery (watchQueries, set before the first db() call); the app's work is run through app() or
// collect(), so the bench's own statements (its seeding, baselines and cache bumps) are not counted.
import type { SentQuery } from "@/lib/platform/db";
import { bindParameters } from "@/lib/platform/db/sent-queries";

export type Widest = { parameters: number; query: string; during: string };

export class AppStatements {
  /** The statement with the most bind parameters of any the app sent, and what the bench was running. */
  widest: Widest = { parameters: 0, query: "", during: "" };
  private running: { what: string; sent: SentQuery[] | null } | null = null;

  readonly onQuery = (sent: SentQuery) => {
    if (!this.running) return;
    this.running.sent?.push(sent);
    const parameters = bindParameters(sent);
    if (parameters > this.widest.parameters) this.widest = { parameters, query: sent.query, during: this.running.what };
  };

  /** Runs the app's work `what`, its statements counted (the bench runs one thing at a time). */
  app<T>(what: string, run: () => Promise<T>): Promise<T> {
    return this.run({ what, sent: null }, run);
  }

  /** Runs the app's work `what` and gives back every statement it sent, in order. */
  async collect<T>(what: string, run: () => Promise<T>): Promise<{ result: T; sent: SentQuery[] }> {
    const sent: SentQuery[] = [];
    return { result: await this.run({ what, sent }, run), sent };
  }

  private async run<T>(running: { what: string; sent: SentQuery[] | null }, run: () => Promise<T>): Promise<T> {
    if (this.running) throw new Error(`${running.what} started while ${this.running.what} runs`);
    this.running = running;
    try {
      return await run();
    } finally {
      this.running = null;
    }
  }
}
