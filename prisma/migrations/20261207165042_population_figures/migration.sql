-- CreateEnum
CREATE TYPE "PopulationKind" AS ENUM ('PEOPLE_IN_NEED', 'POPULATION', 'TARGET_POPULATION');

-- CreateTable
CREATE TABLE "PopulationFigure" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "kind" "PopulationKind" NOT NULL,
    "value" INTEGER NOT NULL,
    "sharePercent" DOUBLE PRECISION,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "enteredById" TEXT,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PopulationFigure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PopulationFigure_locationId_kind_periodStart_idx" ON "PopulationFigure"("locationId", "kind", "periodStart");

-- AddForeignKey
ALTER TABLE "PopulationFigure" ADD CONSTRAINT "PopulationFigure_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PopulationFigure" ADD CONSTRAINT "PopulationFigure_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
