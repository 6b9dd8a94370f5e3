-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "iatiKept" JSONB;
