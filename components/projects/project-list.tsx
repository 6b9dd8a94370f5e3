import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { listProjects } from "@/lib/projects/service";

type Projects = Awaited<ReturnType<typeof listProjects>>;

export async function ProjectList({ projects }: { projects: Projects }) {
  const [t, format] = await Promise.all([getTranslations("projects"), getFormatter()]);
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "short", day: "numeric" });
  return (
    <ul className="grid" style={{ listStyle: "none", padding: 0 }}>
      {projects.map((p) => (
        <li key={p.id} className="card">
          <h2 style={{ marginTop: 0 }}>
            <Link href={`/projects/${p.id}`} aria-label={t("open", { name: p.name })}>
              {p.name}
            </Link>
          </h2>
          <p className="muted">{p.code}</p>
          <p>{p.summary}</p>
          <dl>
            <dt className="muted">{t("donor")}</dt>
            <dd>{p.donor}</dd>
            <dt className="muted">{t("locations")}</dt>
            <dd>{p.locations.map((l) => l.location.isoCode ?? l.location.name).join(", ")}</dd>
          </dl>
          <p className="muted">
            {t("dates", { start: day(p.startDate), end: day(p.endDate) })} ·{" "}
            {t("indicators", { count: p._count.indicators })}
          </p>
        </li>
      ))}
    </ul>
  );
}
