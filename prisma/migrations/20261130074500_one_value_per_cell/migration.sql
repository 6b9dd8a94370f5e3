-- One result and one target per cell (indicator x period-or-round x place x option): a second value
-- for the same cell would be counted twice. Duplicates already stored are reported, never merged
-- silently: the migration stops with an error that lists them, to be resolved by hand before
-- migrating again. (Plain SQL without semicolons inside statements, so that every migration runner
-- can split the script: the list is raised by casting it to a number, which fails with the text.)
SELECT CAST(E'Some cells have more than one value, keep one of each and migrate again:\n' || list AS integer)
  FROM (
    SELECT string_agg(format('  %s: indicator %s, period %s, round %s, place %s, option %s (ids %s)',
                             kind, "indicatorId", COALESCE("periodId", '-'), COALESCE("roundId", '-'),
                             COALESCE("locationId", '-'), COALESCE("optionId", '-'), ids), E'\n') AS list
      FROM (
        SELECT 'result' AS kind, "indicatorId", "periodId", "roundId", "locationId", "optionId",
               string_agg("id", ', ' ORDER BY "createdAt") AS ids
          FROM "Result"
         GROUP BY "indicatorId", "periodId", "roundId", "locationId", "optionId"
        HAVING count(*) > 1
        UNION ALL
        SELECT 'target', "indicatorId", "periodId", "roundId", "locationId", "optionId",
               string_agg("id", ', ' ORDER BY "id")
          FROM "Target"
         GROUP BY "indicatorId", "periodId", "roundId", "locationId", "optionId"
        HAVING count(*) > 1
      ) duplicates
  ) found
 WHERE list IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Target_cell_key" ON "Target"("indicatorId", "periodId", "roundId", "locationId", "optionId") NULLS NOT DISTINCT;

-- CreateIndex
CREATE UNIQUE INDEX "Result_cell_key" ON "Result"("indicatorId", "periodId", "roundId", "locationId", "optionId") NULLS NOT DISTINCT;
