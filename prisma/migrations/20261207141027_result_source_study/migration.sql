-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "sourcePage" INTEGER,
ADD COLUMN     "sourceStudyId" TEXT;

-- CreateIndex
CREATE INDEX "Result_sourceStudyId_idx" ON "Result"("sourceStudyId");

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_sourceStudyId_fkey" FOREIGN KEY ("sourceStudyId") REFERENCES "Study"("id") ON DELETE SET NULL ON UPDATE CASCADE;
