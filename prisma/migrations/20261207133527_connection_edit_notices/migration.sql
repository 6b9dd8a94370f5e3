-- AlterTable
ALTER TABLE "Connection" ADD COLUMN     "failureNoticeAt" TIMESTAMP(3),
ADD COLUMN     "failureNoticeUserId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
