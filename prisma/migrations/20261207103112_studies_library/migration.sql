-- The evaluations library (issue 33): studies, their texts, samples, places, links, findings and files.

-- CreateEnum
CREATE TYPE "StudyVisibility" AS ENUM ('INTERNAL', 'DONORS', 'PUBLIC');

-- CreateEnum
CREATE TYPE "StudyMethod" AS ENUM ('QUANTITATIVE', 'QUALITATIVE', 'MIXED');


-- CreateTable
CREATE TABLE "StudyType" (
    "key" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StudyType_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "StudyTheme" (
    "key" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,

    CONSTRAINT "StudyTheme_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Study" (
    "id" TEXT NOT NULL,
    "typeKey" TEXT NOT NULL,
    "method" "StudyMethod",
    "instruments" TEXT NOT NULL DEFAULT '',
    "fieldworkStart" DATE,
    "fieldworkEnd" DATE,
    "publishedOn" DATE,
    "authors" TEXT NOT NULL DEFAULT '',
    "commissionedBy" TEXT NOT NULL DEFAULT '',
    "pageCount" INTEGER,
    "visibility" "StudyVisibility" NOT NULL DEFAULT 'INTERNAL',
    "provenance" "Provenance",
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Study_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyText" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL DEFAULT '',
    "search" tsvector,

    CONSTRAINT "StudyText_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudySample" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "planned" INTEGER,
    "achieved" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StudySample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyPlace" (
    "studyId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,

    CONSTRAINT "StudyPlace_pkey" PRIMARY KEY ("studyId","locationId")
);

-- CreateTable
CREATE TABLE "StudyProject" (
    "studyId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,

    CONSTRAINT "StudyProject_pkey" PRIMARY KEY ("studyId","projectId")
);

-- CreateTable
CREATE TABLE "StudyRound" (
    "studyId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,

    CONSTRAINT "StudyRound_pkey" PRIMARY KEY ("studyId","roundId")
);

-- CreateTable
CREATE TABLE "StudyIndicator" (
    "studyId" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,

    CONSTRAINT "StudyIndicator_pkey" PRIMARY KEY ("studyId","indicatorId")
);

-- CreateTable
CREATE TABLE "StudyFinding" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "indicatorId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "search" tsvector,

    CONSTRAINT "StudyFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyFile" (
    "id" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyThemeLink" (
    "studyId" TEXT NOT NULL,
    "themeKey" TEXT NOT NULL,

    CONSTRAINT "StudyThemeLink_pkey" PRIMARY KEY ("studyId","themeKey")
);

-- CreateIndex
CREATE INDEX "Study_typeKey_idx" ON "Study"("typeKey");

-- CreateIndex
CREATE INDEX "Study_publishedOn_idx" ON "Study"("publishedOn");

-- CreateIndex
CREATE INDEX "StudyText_search_idx" ON "StudyText" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "StudyText_studyId_language_key" ON "StudyText"("studyId", "language");

-- CreateIndex
CREATE INDEX "StudySample_studyId_idx" ON "StudySample"("studyId");

-- CreateIndex
CREATE INDEX "StudyPlace_locationId_idx" ON "StudyPlace"("locationId");

-- CreateIndex
CREATE INDEX "StudyProject_projectId_idx" ON "StudyProject"("projectId");

-- CreateIndex
CREATE INDEX "StudyRound_roundId_idx" ON "StudyRound"("roundId");

-- CreateIndex
CREATE INDEX "StudyIndicator_indicatorId_idx" ON "StudyIndicator"("indicatorId");

-- CreateIndex
CREATE INDEX "StudyFinding_studyId_idx" ON "StudyFinding"("studyId");

-- CreateIndex
CREATE INDEX "StudyFinding_search_idx" ON "StudyFinding" USING GIN ("search");

-- CreateIndex
CREATE UNIQUE INDEX "StudyFile_storageKey_key" ON "StudyFile"("storageKey");

-- CreateIndex
CREATE INDEX "StudyFile_studyId_idx" ON "StudyFile"("studyId");

-- CreateIndex
CREATE INDEX "StudyThemeLink_themeKey_idx" ON "StudyThemeLink"("themeKey");

-- AddForeignKey
ALTER TABLE "Study" ADD CONSTRAINT "Study_typeKey_fkey" FOREIGN KEY ("typeKey") REFERENCES "StudyType"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyText" ADD CONSTRAINT "StudyText_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudySample" ADD CONSTRAINT "StudySample_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyPlace" ADD CONSTRAINT "StudyPlace_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyPlace" ADD CONSTRAINT "StudyPlace_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyProject" ADD CONSTRAINT "StudyProject_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyProject" ADD CONSTRAINT "StudyProject_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyRound" ADD CONSTRAINT "StudyRound_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyRound" ADD CONSTRAINT "StudyRound_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "SurveyRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyIndicator" ADD CONSTRAINT "StudyIndicator_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyIndicator" ADD CONSTRAINT "StudyIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyFinding" ADD CONSTRAINT "StudyFinding_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyFinding" ADD CONSTRAINT "StudyFinding_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyFile" ADD CONSTRAINT "StudyFile_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyThemeLink" ADD CONSTRAINT "StudyThemeLink_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyThemeLink" ADD CONSTRAINT "StudyThemeLink_themeKey_fkey" FOREIGN KEY ("themeKey") REFERENCES "StudyTheme"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Search (hand-written). A text is searched in its language's configuration (Spanish and English stems,
-- 'simple' for any other language), and once more with its accents removed, so that "participacion" finds
-- "participación" (no unaccent extension: PGlite and PostgreSQL both have normalize()).
CREATE FUNCTION study_fold(t TEXT) RETURNS TEXT AS $$
  SELECT regexp_replace(normalize(coalesce(t, ''), NFD), '[\u0300-\u036f]', '', 'g')
$$ LANGUAGE SQL IMMUTABLE STRICT;

CREATE FUNCTION study_ts_config(language TEXT) RETURNS regconfig AS $$
  SELECT CASE split_part(lower(language), '-', 1)
    WHEN 'es' THEN 'spanish'::regconfig
    WHEN 'en' THEN 'english'::regconfig
    ELSE 'simple'::regconfig END
$$ LANGUAGE SQL IMMUTABLE STRICT;

-- A text's words: the first part weighted A (a title), the second B (an abstract, a finding).
CREATE FUNCTION study_ts_vector(language TEXT, head TEXT, body TEXT) RETURNS tsvector AS $$
  SELECT setweight(to_tsvector(study_ts_config(language), coalesce(head, '')), 'A')
      || setweight(to_tsvector(study_ts_config(language), study_fold(head)), 'A')
      || setweight(to_tsvector(study_ts_config(language), coalesce(body, '')), 'B')
      || setweight(to_tsvector(study_ts_config(language), study_fold(body)), 'B')
$$ LANGUAGE SQL IMMUTABLE;

-- A query as typed, and with its accents removed, in the text's language.
CREATE FUNCTION study_ts_query(language TEXT, q TEXT) RETURNS tsquery AS $$
  SELECT websearch_to_tsquery(study_ts_config(language), q) || websearch_to_tsquery(study_ts_config(language), study_fold(q))
$$ LANGUAGE SQL IMMUTABLE STRICT;

CREATE FUNCTION study_text_set_search() RETURNS TRIGGER AS $$
BEGIN
  NEW."search" := study_ts_vector(NEW."language", NEW."title", NEW."abstract");
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER study_text_search BEFORE INSERT OR UPDATE ON "StudyText"
  FOR EACH ROW EXECUTE FUNCTION study_text_set_search();

CREATE FUNCTION study_finding_set_search() RETURNS TRIGGER AS $$
BEGIN
  NEW."search" := study_ts_vector(NEW."language", '', NEW."statement");
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER study_finding_search BEFORE INSERT OR UPDATE ON "StudyFinding"
  FOR EACH ROW EXECUTE FUNCTION study_finding_set_search();

-- A study's file kept in the database (the evidence store) goes with its record, as evidence files do.
CREATE FUNCTION me_delete_study_file_blobs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "EvidenceBlob" WHERE "key" IN (SELECT "storageKey" FROM old_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER study_file_blobs_follow_records AFTER DELETE ON "StudyFile"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_delete_study_file_blobs();

-- The shipped types and themes (an admin may add more rows).
INSERT INTO "StudyType" ("key", "nameEn", "nameEs", "sortOrder") VALUES
  ('evaluation', 'Evaluation', 'Evaluación', 1),
  ('baseline', 'Baseline', 'Línea de base', 2),
  ('midline', 'Midline', 'Medio término', 3),
  ('endline', 'Endline', 'Línea final', 4),
  ('rapid-gender-analysis', 'Rapid gender analysis', 'Análisis rápido de género', 5),
  ('context-analysis', 'Context / needs analysis', 'Análisis de contexto / necesidades', 6),
  ('qualitative-study', 'Qualitative study', 'Estudio cualitativo', 7),
  ('research', 'Research', 'Investigación', 8),
  ('learning-report', 'Conference / learning report', 'Informe de conferencia / aprendizaje', 9);

INSERT INTO "StudyTheme" ("key", "nameEn", "nameEs") VALUES
  ('gbv', 'Gender-based violence', 'Violencia basada en género'),
  ('hiv', 'HIV', 'VIH'),
  ('migration', 'Migration', 'Migración'),
  ('food-security', 'Food security', 'Seguridad alimentaria'),
  ('livelihoods', 'Livelihoods', 'Medios de vida'),
  ('protection', 'Protection', 'Protección'),
  ('gender', 'Gender', 'Género'),
  ('trafficking', 'Human trafficking', 'Trata de personas'),
  ('health', 'Health', 'Salud');
