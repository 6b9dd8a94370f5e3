-- CreateTable
CREATE TABLE "ProjectAggregate" (
    "projectId" TEXT NOT NULL,
    "dataVersion" INTEGER NOT NULL,
    "asOfDay" TEXT NOT NULL,
    "onTrack" INTEGER NOT NULL,
    "atRisk" INTEGER NOT NULL,
    "offTrack" INTEGER NOT NULL,
    "noTarget" INTEGER NOT NULL,
    "noData" INTEGER NOT NULL,
    "notYetDue" INTEGER NOT NULL,
    "notAssessed" INTEGER NOT NULL,
    "keyIndicators" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectAggregate_pkey" PRIMARY KEY ("projectId","dataVersion","asOfDay")
);
