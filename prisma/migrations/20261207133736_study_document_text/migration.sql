-- CreateEnum
CREATE TYPE "StudyFileTextStatus" AS ENUM ('SEARCHABLE', 'NO_TEXT', 'UNREADABLE', 'TOO_LARGE', 'TIMED_OUT');

-- AlterTable
ALTER TABLE "StudyFile" ADD COLUMN     "textStatus" "StudyFileTextStatus";

-- CreateTable
CREATE TABLE "StudyFileText" (
    "id" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "studyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "page" INTEGER,
    "text" TEXT NOT NULL,
    "languages" TEXT[],
    "search" tsvector,

    CONSTRAINT "StudyFileText_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StudyFileText_fileId_idx" ON "StudyFileText"("fileId");

-- CreateIndex
CREATE INDEX "StudyFileText_studyId_idx" ON "StudyFileText"("studyId");

-- CreateIndex
CREATE INDEX "StudyFileText_search_idx" ON "StudyFileText" USING GIN ("search");

-- AddForeignKey
ALTER TABLE "StudyFileText" ADD CONSTRAINT "StudyFileText_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StudyFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyFileText" ADD CONSTRAINT "StudyFileText_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Search (hand-written).
-- Spanish stems depend on accents: "evaluación" and "evaluaciones" both stem to "evalu", but "evaluacion"
-- typed without its accent stays "evaluacion" and found neither. The accent-free variant of a Spanish
-- text (the query's and the document's alike) therefore gets its word-final -cion/-sion back as
-- -ción/-sión (Spanish writes those endings with the accent, always) before it is stemmed.
CREATE FUNCTION study_fold_in(language TEXT, t TEXT) RETURNS TEXT AS $$
  SELECT CASE WHEN study_ts_config(language) = 'spanish'::regconfig
    THEN regexp_replace(study_fold(t), '([cs])ion\M', '\1ión', 'gi')
    ELSE study_fold(t) END
$$ LANGUAGE SQL IMMUTABLE STRICT;

CREATE OR REPLACE FUNCTION study_ts_vector(language TEXT, head TEXT, body TEXT) RETURNS tsvector AS $$
  SELECT setweight(to_tsvector(study_ts_config(language), coalesce(head, '')), 'A')
      || setweight(to_tsvector(study_ts_config(language), study_fold_in(language, coalesce(head, ''))), 'A')
      || setweight(to_tsvector(study_ts_config(language), coalesce(body, '')), 'B')
      || setweight(to_tsvector(study_ts_config(language), study_fold_in(language, coalesce(body, ''))), 'B')
$$ LANGUAGE SQL IMMUTABLE;

CREATE OR REPLACE FUNCTION study_ts_query(language TEXT, q TEXT) RETURNS tsquery AS $$
  SELECT websearch_to_tsquery(study_ts_config(language), q)
      || websearch_to_tsquery(study_ts_config(language), study_fold_in(language, q))
$$ LANGUAGE SQL IMMUTABLE STRICT;

-- The query in every configuration a text may be stored in: one value for the whole scan, so the GIN
-- indexes answer it (a query that depends on each row's language cannot use them); each row is then
-- checked against the query of its own language(s).
CREATE FUNCTION study_ts_query_all(q TEXT) RETURNS tsquery AS $$
  SELECT study_ts_query('es', q) || study_ts_query('en', q) || study_ts_query('und', q)
$$ LANGUAGE SQL IMMUTABLE STRICT;

-- The query in the configurations of several languages (a document is read in each of its study's).
CREATE FUNCTION study_ts_query_any(languages TEXT[], q TEXT) RETURNS tsquery AS $$
  SELECT string_agg('(' || study_ts_query(l, q)::text || ')', ' | ')::tsquery
    FROM unnest(languages) AS l
   WHERE numnode(study_ts_query(l, q)) > 0
$$ LANGUAGE SQL IMMUTABLE STRICT;

CREATE FUNCTION study_file_text_set_search() RETURNS TRIGGER AS $$
DECLARE
  language TEXT;
  words tsvector := ''::tsvector;
BEGIN
  FOREACH language IN ARRAY coalesce(NEW."languages", '{}'::TEXT[]) LOOP
    words := words || study_ts_vector(language, '', NEW."text");
  END LOOP;
  NEW."search" := words;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER study_file_text_search BEFORE INSERT OR UPDATE OF "text", "languages" ON "StudyFileText"
  FOR EACH ROW EXECUTE FUNCTION study_file_text_set_search();

-- The texts and findings already stored, with the new accent-free variant.
UPDATE "StudyText" SET "title" = "title";
UPDATE "StudyFinding" SET "statement" = "statement";
