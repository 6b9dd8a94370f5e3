-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "headlineIndicatorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
