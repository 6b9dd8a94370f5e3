-- AlterTable
ALTER TABLE "Webhook" ALTER COLUMN "projectId" DROP NOT NULL;
