-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "surveyRules" JSONB;
