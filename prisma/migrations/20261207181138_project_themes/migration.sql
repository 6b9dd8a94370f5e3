-- CreateTable
CREATE TABLE "ProjectTheme" (
    "projectId" TEXT NOT NULL,
    "themeKey" TEXT NOT NULL,

    CONSTRAINT "ProjectTheme_pkey" PRIMARY KEY ("projectId","themeKey")
);

-- CreateIndex
CREATE INDEX "ProjectTheme_themeKey_idx" ON "ProjectTheme"("themeKey");

-- AddForeignKey
ALTER TABLE "ProjectTheme" ADD CONSTRAINT "ProjectTheme_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectTheme" ADD CONSTRAINT "ProjectTheme_themeKey_fkey" FOREIGN KEY ("themeKey") REFERENCES "StudyTheme"("key") ON DELETE RESTRICT ON UPDATE CASCADE;
