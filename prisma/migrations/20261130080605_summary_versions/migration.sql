-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 1;

-- The project's data version moves with everything an approved summary is computed from, in the same
-- transaction as the change, whatever writes it. Statement-level triggers with transition tables: one
-- project update per statement, however many rows it wrote (a 50,000-row import bumps once).

CREATE FUNCTION me_bump_projects(project_ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Project" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = ANY(project_ids)
$$;

-- Tables with a projectId column.
CREATE FUNCTION me_bump_direct() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM me_bump_projects(ARRAY(SELECT DISTINCT "projectId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM me_bump_projects(ARRAY(SELECT DISTINCT "projectId" FROM old_rows));
  ELSE
    PERFORM me_bump_projects(ARRAY(SELECT "projectId" FROM new_rows UNION SELECT "projectId" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;

-- Tables that belong to an indicator (targets, an indicator's dimensions).
CREATE FUNCTION me_bump_via_indicator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM me_bump_projects(ARRAY(
      SELECT DISTINCT i."projectId" FROM new_rows r JOIN "Indicator" i ON i."id" = r."indicatorId"));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM me_bump_projects(ARRAY(
      SELECT DISTINCT i."projectId" FROM old_rows r JOIN "Indicator" i ON i."id" = r."indicatorId"));
  ELSE
    PERFORM me_bump_projects(ARRAY(
      SELECT i."projectId" FROM new_rows r JOIN "Indicator" i ON i."id" = r."indicatorId"
      UNION SELECT i."projectId" FROM old_rows r JOIN "Indicator" i ON i."id" = r."indicatorId"));
  END IF;
  RETURN NULL;
END $$;

-- Results: only approved values are in approved summaries, so drafts and submissions change nothing.
CREATE FUNCTION me_bump_results() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM me_bump_projects(ARRAY(
      SELECT DISTINCT i."projectId" FROM new_rows r JOIN "Indicator" i ON i."id" = r."indicatorId"
       WHERE r."status" = 'APPROVED'));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM me_bump_projects(ARRAY(
      SELECT DISTINCT i."projectId" FROM old_rows r JOIN "Indicator" i ON i."id" = r."indicatorId"
       WHERE r."status" = 'APPROVED'));
  ELSE
    PERFORM me_bump_projects(ARRAY(
      SELECT i."projectId" FROM new_rows r JOIN "Indicator" i ON i."id" = r."indicatorId"
       WHERE r."status" = 'APPROVED'
      UNION SELECT i."projectId" FROM old_rows r JOIN "Indicator" i ON i."id" = r."indicatorId"
       WHERE r."status" = 'APPROVED'));
  END IF;
  RETURN NULL;
END $$;

-- Names of places, dimensions and options appear in summaries: renaming one bumps every project using it.
CREATE FUNCTION me_bump_via_location() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM me_bump_projects(ARRAY(
    SELECT DISTINCT pl."projectId" FROM new_rows l JOIN "ProjectLocation" pl ON pl."locationId" = l."id"));
  RETURN NULL;
END $$;

CREATE FUNCTION me_bump_via_dimension() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM me_bump_projects(ARRAY(
    SELECT DISTINCT i."projectId" FROM new_rows d
      JOIN "IndicatorDimension" x ON x."dimensionId" = d."id"
      JOIN "Indicator" i ON i."id" = x."indicatorId"));
  RETURN NULL;
END $$;

CREATE FUNCTION me_bump_via_option() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM me_bump_projects(ARRAY(
      SELECT DISTINCT i."projectId" FROM old_rows o
        JOIN "IndicatorDimension" x ON x."dimensionId" = o."dimensionId"
        JOIN "Indicator" i ON i."id" = x."indicatorId"));
  ELSE
    PERFORM me_bump_projects(ARRAY(
      SELECT DISTINCT i."projectId" FROM new_rows o
        JOIN "IndicatorDimension" x ON x."dimensionId" = o."dimensionId"
        JOIN "Indicator" i ON i."id" = x."indicatorId"));
  END IF;
  RETURN NULL;
END $$;

-- The project's own dates and thresholds: bumped in the same row update (unless already bumped).
CREATE FUNCTION me_bump_project_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."dataVersion" = OLD."dataVersion" AND (
       NEW."startDate" IS DISTINCT FROM OLD."startDate" OR NEW."endDate" IS DISTINCT FROM OLD."endDate"
    OR NEW."onTrackThreshold" IS DISTINCT FROM OLD."onTrackThreshold"
    OR NEW."atRiskThreshold" IS DISTINCT FROM OLD."atRiskThreshold"
    OR NEW."code" IS DISTINCT FROM OLD."code" OR NEW."name" IS DISTINCT FROM OLD."name"
    OR NEW."archivedAt" IS DISTINCT FROM OLD."archivedAt") THEN
    NEW."dataVersion" := OLD."dataVersion" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Project_dataVersion" BEFORE UPDATE ON "Project" FOR EACH ROW EXECUTE FUNCTION me_bump_project_row();

CREATE TRIGGER "Result_dataVersion_insert" AFTER INSERT ON "Result" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_results();
CREATE TRIGGER "Result_dataVersion_update" AFTER UPDATE ON "Result" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_results();
CREATE TRIGGER "Result_dataVersion_delete" AFTER DELETE ON "Result" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_results();

CREATE TRIGGER "Target_dataVersion_insert" AFTER INSERT ON "Target" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_indicator();
CREATE TRIGGER "Target_dataVersion_update" AFTER UPDATE ON "Target" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_indicator();
CREATE TRIGGER "Target_dataVersion_delete" AFTER DELETE ON "Target" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_indicator();

CREATE TRIGGER "IndicatorDimension_dataVersion_insert" AFTER INSERT ON "IndicatorDimension" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_indicator();
CREATE TRIGGER "IndicatorDimension_dataVersion_update" AFTER UPDATE ON "IndicatorDimension" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_indicator();
CREATE TRIGGER "IndicatorDimension_dataVersion_delete" AFTER DELETE ON "IndicatorDimension" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_indicator();

CREATE TRIGGER "Indicator_dataVersion_insert" AFTER INSERT ON "Indicator" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "Indicator_dataVersion_update" AFTER UPDATE ON "Indicator" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "Indicator_dataVersion_delete" AFTER DELETE ON "Indicator" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();

CREATE TRIGGER "ResultNode_dataVersion_insert" AFTER INSERT ON "ResultNode" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "ResultNode_dataVersion_update" AFTER UPDATE ON "ResultNode" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "ResultNode_dataVersion_delete" AFTER DELETE ON "ResultNode" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();

CREATE TRIGGER "ReportingPeriod_dataVersion_insert" AFTER INSERT ON "ReportingPeriod" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "ReportingPeriod_dataVersion_update" AFTER UPDATE ON "ReportingPeriod" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "ReportingPeriod_dataVersion_delete" AFTER DELETE ON "ReportingPeriod" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();

CREATE TRIGGER "SurveyRound_dataVersion_insert" AFTER INSERT ON "SurveyRound" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "SurveyRound_dataVersion_update" AFTER UPDATE ON "SurveyRound" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "SurveyRound_dataVersion_delete" AFTER DELETE ON "SurveyRound" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();

CREATE TRIGGER "ProjectLocation_dataVersion_insert" AFTER INSERT ON "ProjectLocation" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "ProjectLocation_dataVersion_update" AFTER UPDATE ON "ProjectLocation" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();
CREATE TRIGGER "ProjectLocation_dataVersion_delete" AFTER DELETE ON "ProjectLocation" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_direct();

CREATE TRIGGER "Location_dataVersion_update" AFTER UPDATE ON "Location" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_location();
CREATE TRIGGER "DisaggregationDimension_dataVersion_update" AFTER UPDATE ON "DisaggregationDimension" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_dimension();
CREATE TRIGGER "DisaggregationOption_dataVersion_insert" AFTER INSERT ON "DisaggregationOption" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_option();
CREATE TRIGGER "DisaggregationOption_dataVersion_update" AFTER UPDATE ON "DisaggregationOption" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_option();
CREATE TRIGGER "DisaggregationOption_dataVersion_delete" AFTER DELETE ON "DisaggregationOption" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION me_bump_via_option();
