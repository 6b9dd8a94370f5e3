-- CreateTable
CREATE TABLE "LinkFiguresAggregate" (
    "indicatorId" TEXT NOT NULL,
    "dataVersion" INTEGER NOT NULL,
    "asOfDay" TEXT NOT NULL,
    "regionsKey" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkFiguresAggregate_pkey" PRIMARY KEY ("indicatorId","dataVersion","asOfDay","regionsKey")
);
