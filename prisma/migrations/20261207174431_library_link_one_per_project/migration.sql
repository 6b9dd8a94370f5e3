-- A project reports a library indicator through one indicator at most (#34: two were summed twice).
-- AlterTable: filled from the linked indicator's project before it is required.
ALTER TABLE "LibraryLink" ADD COLUMN     "projectId" TEXT;
UPDATE "LibraryLink" AS l SET "projectId" = i."projectId" FROM "Indicator" AS i WHERE i."id" = l."indicatorId";
ALTER TABLE "LibraryLink" ALTER COLUMN "projectId" SET NOT NULL;

-- A project that already links two indicators to one library indicator keeps its earliest link; the
-- others are removed (with their option mappings), so the roll-up counts the project once.
DELETE FROM "LibraryLink" AS l
USING "LibraryLink" AS k
WHERE k."projectId" = l."projectId" AND k."libraryIndicatorId" = l."libraryIndicatorId"
  AND (k."linkedAt", k."indicatorId") < (l."linkedAt", l."indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "LibraryLink_projectId_libraryIndicatorId_key" ON "LibraryLink"("projectId", "libraryIndicatorId");
