-- CreateTable
CREATE TABLE "OrganisationRegion" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameEs" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganisationRegion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationRegionCountry" (
    "countryCode" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,

    CONSTRAINT "OrganisationRegionCountry_pkey" PRIMARY KEY ("countryCode")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganisationRegion_key_key" ON "OrganisationRegion"("key");

-- CreateIndex
CREATE INDEX "OrganisationRegionCountry_regionId_idx" ON "OrganisationRegionCountry"("regionId");

-- AddForeignKey
ALTER TABLE "OrganisationRegionCountry" ADD CONSTRAINT "OrganisationRegionCountry_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "OrganisationRegion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
