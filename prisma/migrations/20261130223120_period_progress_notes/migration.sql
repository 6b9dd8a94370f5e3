-- AlterTable
ALTER TABLE "ReportingPeriod" ADD COLUMN     "progressNote" TEXT,
ADD COLUMN     "progressNoteAt" TIMESTAMP(3),
ADD COLUMN     "progressNoteById" TEXT;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_progressNoteById_fkey" FOREIGN KEY ("progressNoteById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
