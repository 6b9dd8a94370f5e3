import { getFormatter, getTranslations } from "next-intl/server";

type Note = { id: string; label: string; startDate: Date; endDate: Date; progressNote: string | null };

/** The managers' progress notes, each with its period, latest first. Rendered on the server. */
export async function ProgressNotes({ notes }: { notes: Note[] }) {
  if (notes.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("shared.report"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <section className="progress-notes" aria-labelledby="progress-notes-title">
      <h2 id="progress-notes-title">{t("progressNotes")}</h2>
      {notes.map((n) => (
        <article key={n.id} data-period={n.label}>
          <h3>{t("noteWritten", { period: n.label, start: day(n.startDate), end: day(n.endDate) })}</h3>
          <p className="note-text">{n.progressNote}</p>
        </article>
      ))}
    </section>
  );
}
