-- CreateEnum
CREATE TYPE "PartnerRole" AS ENUM ('REPORTER', 'REVIEWER');

-- AlterEnum
ALTER TYPE "ReviewStatus" ADD VALUE 'PARTNER_APPROVED';

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "twoLevelApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Result" ADD COLUMN     "partnerReviewedAt" TIMESTAMP(3),
ADD COLUMN     "partnerReviewedById" TEXT;

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerMember" (
    "partnerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "PartnerRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerMember_pkey" PRIMARY KEY ("partnerId","userId")
);

-- CreateTable
CREATE TABLE "PartnerSite" (
    "projectId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerSite_pkey" PRIMARY KEY ("projectId","locationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_nameKey_key" ON "Partner"("nameKey");

-- CreateIndex
CREATE INDEX "PartnerMember_userId_idx" ON "PartnerMember"("userId");

-- CreateIndex
CREATE INDEX "PartnerSite_partnerId_idx" ON "PartnerSite"("partnerId");

-- AddForeignKey
ALTER TABLE "Result" ADD CONSTRAINT "Result_partnerReviewedById_fkey" FOREIGN KEY ("partnerReviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerMember" ADD CONSTRAINT "PartnerMember_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerMember" ADD CONSTRAINT "PartnerMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSite" ADD CONSTRAINT "PartnerSite_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSite" ADD CONSTRAINT "PartnerSite_projectId_locationId_fkey" FOREIGN KEY ("projectId", "locationId") REFERENCES "ProjectLocation"("projectId", "locationId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerSite" ADD CONSTRAINT "PartnerSite_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;
