-- DropIndex
DROP INDEX "DisaggregationDimension_key_key";

-- AlterTable
ALTER TABLE "DisaggregationDimension" ADD COLUMN     "projectId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "DisaggregationDimension_scope_key" ON "DisaggregationDimension"("projectId", "key") NULLS NOT DISTINCT;

-- AddForeignKey
ALTER TABLE "DisaggregationDimension" ADD CONSTRAINT "DisaggregationDimension_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
