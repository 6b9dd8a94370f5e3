-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "resultImportMapping" JSONB;
