-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "iatiIdentifier" TEXT,
ADD COLUMN     "reportingOrgName" TEXT,
ADD COLUMN     "reportingOrgRef" TEXT,
ADD COLUMN     "reportingOrgType" TEXT;

-- AlterTable
ALTER TABLE "ProjectLocation" ADD COLUMN     "percentage" DOUBLE PRECISION,
ADD COLUMN     "ref" TEXT;
