// The evaluations library's demo studies: the abstracts of the program documents (an organisation's
// evaluations library), with the titles, types, places, dates, methods, samples and page counts the text
// gives (DOCUMENT). Which project each is linked to and who may read it are the demo's choices; fields the
// text does not give are left empty. Abstracts are shortened from the documents' own words. A month the
// text names is given as its first to last day; the Honduras analysis's "mayo-junio del año en curso" is
// read as 2021 (the year of the figures it cites). The trafficking study's abstract gives no title: its
// title is descriptive, so that study is labelled ILLUSTRATIVE.
import type { Tx } from "@/lib/platform/db";

type DemoStudy = {
  typeKey: string;
  language: "es" | "en";
  title: string;
  abstract: string;
  method?: "QUANTITATIVE" | "QUALITATIVE" | "MIXED";
  instruments?: string;
  fieldworkStart?: string;
  fieldworkEnd?: string;
  publishedOn?: string;
  commissionedBy?: string;
  pageCount?: number;
  places: string[];
  themes: string[];
  samples?: { group: string; planned?: number; achieved?: number }[];
  findings?: string[];
  /** The demo project it is linked to (by code), and that project's survey round it is the source of (by name). */
  project?: string;
  round?: string;
  visibility: "INTERNAL" | "DONORS" | "PUBLIC";
  /** DOCUMENT unless something of it was not in the documents. */
  provenance?: "ILLUSTRATIVE";
};

export const demoStudies: DemoStudy[] = [
  {
    typeKey: "evaluation",
    language: "es",
    title: "Evaluación final Proyecto Alma Llanera I",
    abstract:
      "La presente evaluación es elaborada con el objetivo de valorar la implementación del proyecto “Alma Llanera”, ejecutado por CARE Perú. Se implementó una metodología mixta basada en técnicas e instrumentos de tipo cuantitativo y cualitativo, en Tumbes, Piura, La Libertad, Lima y el Callao. Se aplicaron encuestas a población migrante y refugiada atendida por el proyecto, encuestas a trabajadores/as y promotores de salud, y entrevistas a funcionarios públicos y privados de los Centros de Salud Mental Comunitaria, ONG, asociaciones de migrantes y refugiados y promotores de la integración. Los 10 formatos de recojo de información primaria se aplicaron por teléfono en octubre y noviembre de 2021.",
    method: "MIXED",
    instruments:
      "10 formatos de recojo de información primaria: encuestas telefónicas a población migrante y refugiada y a trabajadores/as y promotores de salud; entrevistas a funcionarios/as",
    fieldworkStart: "2021-10-01",
    fieldworkEnd: "2021-11-30",
    commissionedBy: "CARE Perú",
    places: ["PE", "PE-TUM", "PE-PIU", "PE-LAL", "PE-LIM", "PE-CAL"],
    themes: ["migration", "gbv", "health", "livelihoods", "protection"],
    samples: [
      { group: "Población migrante y refugiada atendida por el proyecto (encuesta telefónica)" },
      { group: "Trabajadores/as y promotores de salud (encuesta)" },
      { group: "Funcionarios/as de CSMC, ONG y asociaciones de migrantes (entrevistas)" },
    ],
    project: "PE-VEN-2021",
    round: "Final evaluation",
    visibility: "DONORS",
  },
  {
    typeKey: "context-analysis",
    language: "es",
    title:
      "Análisis de Contexto Sobre Necesidades Humanitarias Bajo Escenario de Inseguridad Alimentaria Honduras, América Central",
    abstract:
      "Honduras es un país vulnerable a distintas amenazas naturales; en 2020 las tormentas Eta e Iota afectaron directamente al país. La UTSAN estimó que de diciembre 2020 a marzo de 2021 por lo menos 2.9 millones de personas (31% de la población analizada) se encuentran en crisis alimentaria o peor (Fase 3 o superior de la CIF). CARE, ASONOG, ADEPES, CASM y OCDIH realizaron en mayo-junio un análisis de las necesidades humanitarias en relación a inseguridad alimentaria y de las soluciones desde la perspectiva local.",
    fieldworkStart: "2021-05-01",
    fieldworkEnd: "2021-06-30",
    commissionedBy: "CARE, ASONOG, ADEPES, CASM, OCDIH",
    places: ["HN"],
    themes: ["food-security"],
    findings: [
      "Por lo menos 2.9 millones de personas (31% de la población analizada) en crisis alimentaria o peor (Fase 3 o superior de la CIF), diciembre 2020 – marzo 2021.",
    ],
    visibility: "PUBLIC",
  },
  {
    typeKey: "rapid-gender-analysis",
    language: "en",
    title: "CARE Rapid Gender Analysis Latin America & the Caribbean – Ciudad Juárez, Mexico",
    abstract:
      "Asylum seekers and migrants waiting in Ciudad Juárez, along the Mexico–U.S. border, under the Migrant Protection Protocols (“Remain in Mexico”) face ever-present threats of extortion, gender-based violence (GBV) and kidnappings. The female asylum seekers and migrants CARE spoke with reported feeling profoundly vulnerable and isolated; without confidential GBV screenings or formal complaint mechanisms, survivors had almost no one to turn to. Informal shelters, largely run by local faith-based organisations, lacked intake procedures, water and sanitation, and separate spaces by age or gender.",
    method: "QUALITATIVE",
    commissionedBy: "CARE",
    places: ["MX"],
    themes: ["gender", "gbv", "migration", "protection"],
    findings: [
      "Survivors of gender-based violence had no confidential screening or formal complaint mechanism to turn to.",
      "Shelters lacked vulnerability screenings and housed residents together regardless of age or gender.",
    ],
    visibility: "PUBLIC",
  },
  {
    typeKey: "research",
    language: "es",
    title: "Estudio binacional sobre la trata y el tráfico de personas en la frontera Perú–Ecuador",
    abstract:
      "La crisis humanitaria de la migración venezolana y la emergencia sanitaria por el COVID-19, que obligó a Perú y Ecuador a cerrar sus fronteras, abrieron circuitos clandestinos por los que el flujo migratorio continuó. El estudio describe las conductas, medios y finalidades del delito de trata; las características de autores y víctimas; las principales rutas de la trata y tráfico de personas; los servicios de protección para víctimas; los mecanismos de sanción; y la relación entre migración, trata y tráfico, con información de fuentes documentales, instituciones públicas y privadas de ambos lados de la frontera y personas migrantes.",
    pageCount: 46,
    places: ["PE", "EC"],
    themes: ["trafficking", "migration", "protection"],
    visibility: "PUBLIC",
    provenance: "ILLUSTRATIVE",
  },
  {
    typeKey: "learning-report",
    language: "en",
    title: "Women, Migration and Development: Investing in the future",
    abstract:
      "On the 17th and 18th of July 2014, the International Conference on Women, Migration and Development: Investing In The Future was convened by CARE International and hosted at the Overseas Development Institute in London. CARE and ODI presented the findings of their five-year EMPHASIS programme in South Asia (Enhancing Mobile Populations’ Access to HIV and AIDS Services, Information and Support), and the EMPHASIS Learning Series report was launched.",
    fieldworkStart: "2014-07-17",
    fieldworkEnd: "2014-07-18",
    commissionedBy: "CARE International",
    pageCount: 5,
    places: ["GB", "NP", "IN", "BD"],
    themes: ["migration", "gender", "hiv"],
    project: "SA-HIV-MOB",
    visibility: "PUBLIC",
  },
  {
    typeKey: "evaluation",
    language: "en",
    title: "Evaluation of Enhancing Mobile Populations’ Access to HIV and AIDS Services (EMPHASIS)",
    abstract:
      "EMPHASIS is a five-year project funded by Big Lottery Fund, UK (August 2009 – July 2014), implemented in Nepal, India and Bangladesh to address HIV and AIDS vulnerability and safe mobility of cross-border migrants. The evaluation assesses the project against its three outcome areas and the effectiveness and relevance of its interventions. One-week visits to India, Nepal and Bangladesh at the end of January and early February 2014, by a team of three, held interviews and focus group discussions and administered a Likert scale tool; an endline study conducted in parallel is drawn upon.",
    method: "MIXED",
    instruments: "Interviews, focus group discussions, a Likert scale tool; the endline study",
    fieldworkStart: "2014-01-01",
    fieldworkEnd: "2014-02-28",
    pageCount: 88,
    places: ["NP", "IN", "BD"],
    themes: ["hiv", "migration"],
    project: "SA-HIV-MOB",
    round: "Endline KAP survey",
    visibility: "DONORS",
  },
  {
    typeKey: "qualitative-study",
    language: "en",
    title:
      "A Qualitative study comparing the effects and outcomes of HIV-related interventions for Nepalese migrants – at source, transit and destination",
    abstract:
      "Commissioned by CARE Nepal, the study explored the effects and outcomes of the EMPHASIS project on the HIV vulnerabilities of Nepali migrants and whether inter-country passage has been made safer. It compared HIV-related attitudes and behaviours of migrants reached at destination and their spouses reached at source with those not reached, and the benefits and barriers of support services for safe mobility and empowerment. In-depth interviews were conducted by trained researchers with semi-structured interview guides in four locations: two at the destination site of Delhi and two at the source site in Nepal.",
    method: "QUALITATIVE",
    instruments: "In-depth interviews with semi-structured interview guides",
    commissionedBy: "CARE Nepal",
    pageCount: 39,
    places: ["NP", "IN"],
    themes: ["hiv", "migration"],
    samples: [
      { group: "Migrants and family members", achieved: 60 },
      { group: "Key informants", achieved: 5 },
    ],
    project: "SA-HIV-MOB",
    visibility: "INTERNAL",
  },
];

/** Writes the demo studies (after the projects and places), labelled by where they come from. */
export async function loadStudies(tx: Tx) {
  for (const s of demoStudies) {
    const day = (d?: string) => (d ? new Date(`${d}T00:00:00Z`) : null);
    const project = s.project ? await tx.project.findUniqueOrThrow({ where: { code: s.project } }) : null;
    const round =
      project && s.round
        ? await tx.surveyRound.findFirstOrThrow({ where: { projectId: project.id, name: s.round } })
        : null;
    const places = await tx.location.findMany({ where: { isoCode: { in: s.places } }, select: { id: true } });
    if (places.length !== s.places.length) throw new Error(`Demo study "${s.title}": unknown place`);
    await tx.study.create({
      data: {
        typeKey: s.typeKey,
        method: s.method ?? null,
        instruments: s.instruments ?? "",
        fieldworkStart: day(s.fieldworkStart),
        fieldworkEnd: day(s.fieldworkEnd),
        publishedOn: day(s.publishedOn),
        commissionedBy: s.commissionedBy ?? "",
        pageCount: s.pageCount ?? null,
        visibility: s.visibility,
        provenance: s.provenance ?? "DOCUMENT",
        texts: { create: [{ language: s.language, title: s.title, abstract: s.abstract }] },
        samples: {
          create: (s.samples ?? []).map((x, position) => ({
            group: x.group,
            planned: x.planned ?? null,
            achieved: x.achieved ?? null,
            position,
          })),
        },
        places: { create: places.map((p) => ({ locationId: p.id })) },
        projects: { create: project ? [{ projectId: project.id }] : [] },
        rounds: { create: round ? [{ roundId: round.id }] : [] },
        themes: { create: s.themes.map((themeKey) => ({ themeKey })) },
        findings: {
          create: (s.findings ?? []).map((statement, position) => ({ language: s.language, statement, position })),
        },
      },
    });
  }
}
