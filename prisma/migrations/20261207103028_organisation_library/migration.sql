-- CreateEnum
CREATE TYPE "RollupRule" AS ENUM ('SUM', 'RATIO', 'NONE');

-- AlterEnum
ALTER TYPE "OrgRole" ADD VALUE 'ME_LEAD';

-- CreateTable
CREATE TABLE "LibraryIndicator" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "definition" TEXT NOT NULL DEFAULT '',
    "measure" "Measure" NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "direction" "Direction" NOT NULL DEFAULT 'INCREASE',
    "dimensionKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rollupRule" "RollupRule" NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LibraryIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LibraryLink" (
    "indicatorId" TEXT NOT NULL,
    "libraryIndicatorId" TEXT NOT NULL,
    "linkedById" TEXT,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LibraryLink_pkey" PRIMARY KEY ("indicatorId")
);

-- CreateTable
CREATE TABLE "LibraryLinkOption" (
    "indicatorId" TEXT NOT NULL,
    "dimensionKey" TEXT NOT NULL,
    "optionKey" TEXT NOT NULL,
    "projectOptionId" TEXT NOT NULL,

    CONSTRAINT "LibraryLinkOption_pkey" PRIMARY KEY ("indicatorId","dimensionKey","optionKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "LibraryIndicator_code_key" ON "LibraryIndicator"("code");

-- CreateIndex
CREATE INDEX "LibraryLink_libraryIndicatorId_idx" ON "LibraryLink"("libraryIndicatorId");

-- CreateIndex
CREATE INDEX "LibraryLinkOption_projectOptionId_idx" ON "LibraryLinkOption"("projectOptionId");

-- AddForeignKey
ALTER TABLE "LibraryLink" ADD CONSTRAINT "LibraryLink_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryLink" ADD CONSTRAINT "LibraryLink_libraryIndicatorId_fkey" FOREIGN KEY ("libraryIndicatorId") REFERENCES "LibraryIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryLinkOption" ADD CONSTRAINT "LibraryLinkOption_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "LibraryLink"("indicatorId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LibraryLinkOption" ADD CONSTRAINT "LibraryLinkOption_projectOptionId_fkey" FOREIGN KEY ("projectOptionId") REFERENCES "DisaggregationOption"("id") ON DELETE CASCADE ON UPDATE CASCADE;
