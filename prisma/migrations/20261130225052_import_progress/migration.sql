-- CreateTable
CREATE TABLE "ImportProgress" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "bytesRead" INTEGER NOT NULL DEFAULT 0,
    "bytesTotal" INTEGER,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportProgress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportProgress_createdAt_idx" ON "ImportProgress"("createdAt");

-- AddForeignKey
ALTER TABLE "ImportProgress" ADD CONSTRAINT "ImportProgress_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
