-- CreateEnum
CREATE TYPE "ConnectionKind" AS ENUM ('KOBO', 'ODK_CENTRAL');

-- CreateEnum
CREATE TYPE "ConnectionStatus" AS ENUM ('OK', 'BROKEN');

-- CreateEnum
CREATE TYPE "ConnectionSyncStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "Connection" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ConnectionKind" NOT NULL,
    "serverUrl" TEXT NOT NULL,
    "assetUid" TEXT,
    "odkProject" INTEGER,
    "odkForm" TEXT,
    "secret" TEXT NOT NULL,
    "submit" BOOLEAN NOT NULL DEFAULT false,
    "scheduled" BOOLEAN NOT NULL DEFAULT false,
    "pushSecretHash" TEXT,
    "status" "ConnectionStatus" NOT NULL DEFAULT 'OK',
    "brokenReason" TEXT,
    "lastSeenAt" TIMESTAMP(3),
    "lastSeenId" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectionSubmission" (
    "connectionId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "formVersion" TEXT,
    "data" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectionSubmission_pkey" PRIMARY KEY ("connectionId","externalId")
);

-- CreateTable
CREATE TABLE "ConnectionSync" (
    "id" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "userId" TEXT,
    "status" "ConnectionSyncStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "since" TIMESTAMP(3),
    "nextOffset" INTEGER NOT NULL DEFAULT 0,
    "read" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "applied" BOOLEAN NOT NULL DEFAULT false,
    "preview" JSONB,
    "problems" JSONB,
    "error" TEXT,

    CONSTRAINT "ConnectionSync_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Connection_projectId_idx" ON "Connection"("projectId");

-- CreateIndex
CREATE INDEX "ConnectionSync_connectionId_startedAt_idx" ON "ConnectionSync"("connectionId", "startedAt");

-- AddForeignKey
ALTER TABLE "Connection" ADD CONSTRAINT "Connection_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectionSubmission" ADD CONSTRAINT "ConnectionSubmission_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConnectionSync" ADD CONSTRAINT "ConnectionSync_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
