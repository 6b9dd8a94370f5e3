-- AlterTable
ALTER TABLE "ImportProgress" ADD COLUMN     "heartbeatAt" TIMESTAMPTZ(3);
