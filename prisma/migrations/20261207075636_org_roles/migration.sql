-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('PROGRAM_MANAGER');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "lastSignInAt" TIMESTAMP(3),
ADD COLUMN     "orgRole" "OrgRole";
