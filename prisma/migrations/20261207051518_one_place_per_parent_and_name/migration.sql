-- One place per parent and name (issue 31): "Add a site" made a new place each time, so the catalogue
-- held several "Belgrade" under Serbia. Names are told apart without case, accents or repeated spaces.

-- AlterTable
ALTER TABLE "Location" ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '';

-- The key of a place's name: NFD-decomposed, combining accents removed, lower case, spaces collapsed.
CREATE FUNCTION location_name_key(name TEXT) RETURNS TEXT AS $$
  SELECT lower(btrim(regexp_replace(regexp_replace(normalize(name, NFD), '[\u0300-\u036f]', '', 'g'), '\s+', ' ', 'g')))
$$ LANGUAGE SQL IMMUTABLE STRICT;

-- Kept by the database on every write, whatever writes the row.
CREATE FUNCTION location_set_name_key() RETURNS TRIGGER AS $$
BEGIN
  NEW."nameKey" := location_name_key(NEW."name");
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Location_name_key" BEFORE INSERT OR UPDATE ON "Location"
  FOR EACH ROW EXECUTE FUNCTION location_set_name_key();

UPDATE "Location" SET "nameKey" = location_name_key("name");

-- Existing duplicates are merged into one place: the one with an ISO code, else the first made. Its
-- projects, targets, results and sub-places move to it (sub-places that then share a name are merged in
-- turn). Where merging would lose or mix data, the migration stops and says which places to merge by hand.
DO $$
DECLARE
  grp RECORD;
  keeper RECORD;
  dup RECORD;
  codes INT;
BEGIN
  LOOP
    SELECT "parentId", "nameKey" INTO grp FROM "Location"
      GROUP BY "parentId", "nameKey" HAVING count(*) > 1 LIMIT 1;
    EXIT WHEN NOT FOUND;
    SELECT count(DISTINCT "isoCode") INTO codes FROM "Location"
      WHERE "parentId" IS NOT DISTINCT FROM grp."parentId" AND "nameKey" = grp."nameKey";
    IF codes > 1 THEN
      RAISE EXCEPTION 'Places named "%" under the same parent (%) have different ISO codes: give them different names or merge them by hand, then migrate again',
        grp."nameKey", coalesce(grp."parentId", 'none');
    END IF;
    SELECT * INTO keeper FROM "Location"
      WHERE "parentId" IS NOT DISTINCT FROM grp."parentId" AND "nameKey" = grp."nameKey"
      ORDER BY ("isoCode" IS NULL), id LIMIT 1;
    FOR dup IN SELECT * FROM "Location"
      WHERE "parentId" IS NOT DISTINCT FROM grp."parentId" AND "nameKey" = grp."nameKey" AND id <> keeper.id
    LOOP
      IF EXISTS (SELECT 1 FROM "Result" a JOIN "Result" b
          ON a."indicatorId" = b."indicatorId" AND a."periodId" IS NOT DISTINCT FROM b."periodId"
          AND a."roundId" IS NOT DISTINCT FROM b."roundId" AND a."optionId" IS NOT DISTINCT FROM b."optionId"
          WHERE a."locationId" = dup.id AND b."locationId" = keeper.id)
        OR EXISTS (SELECT 1 FROM "Target" a JOIN "Target" b
          ON a."indicatorId" = b."indicatorId" AND a."periodId" IS NOT DISTINCT FROM b."periodId"
          AND a."roundId" IS NOT DISTINCT FROM b."roundId" AND a."optionId" IS NOT DISTINCT FROM b."optionId"
          WHERE a."locationId" = dup.id AND b."locationId" = keeper.id) THEN
        RAISE EXCEPTION 'Places "%" (ids % and %) both hold a value or target for the same indicator and period: merge their figures by hand, then migrate again',
          dup."name", keeper.id, dup.id;
      END IF;
      UPDATE "Result" SET "locationId" = keeper.id WHERE "locationId" = dup.id;
      UPDATE "Target" SET "locationId" = keeper.id WHERE "locationId" = dup.id;
      -- A project with both keeps one, with what either had (reference, share, outline, point).
      UPDATE "ProjectLocation" k SET
          "ref" = coalesce(k."ref", d."ref"),
          "percentage" = coalesce(k."percentage", d."percentage"),
          "boundary" = coalesce(k."boundary", d."boundary"),
          "latitude" = coalesce(k."latitude", d."latitude"),
          "longitude" = coalesce(k."longitude", d."longitude")
        FROM "ProjectLocation" d
        WHERE k."locationId" = keeper.id AND d."locationId" = dup.id AND d."projectId" = k."projectId";
      DELETE FROM "ProjectLocation" d WHERE d."locationId" = dup.id
        AND EXISTS (SELECT 1 FROM "ProjectLocation" k WHERE k."locationId" = keeper.id AND k."projectId" = d."projectId");
      UPDATE "ProjectLocation" SET "locationId" = keeper.id WHERE "locationId" = dup.id;
      UPDATE "Location" SET "parentId" = keeper.id WHERE "parentId" = dup.id;
      -- Survey rules and import mappings may name the place by id.
      UPDATE "Project" SET "surveyRules" = replace("surveyRules"::text, '"' || dup.id || '"', '"' || keeper.id || '"')::jsonb
        WHERE "surveyRules"::text LIKE '%' || dup.id || '%';
      UPDATE "Project" SET "resultImportMapping" = replace("resultImportMapping"::text, '"' || dup.id || '"', '"' || keeper.id || '"')::jsonb
        WHERE "resultImportMapping"::text LIKE '%' || dup.id || '%';
      DELETE FROM "Location" WHERE id = dup.id;
    END LOOP;
  END LOOP;
END
$$;

-- CreateIndex (NULLS NOT DISTINCT: countries, which have no parent, are one per name too)
CREATE UNIQUE INDEX "Location_parent_name_key" ON "Location"("parentId", "nameKey") NULLS NOT DISTINCT;
