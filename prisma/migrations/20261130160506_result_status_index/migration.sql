-- CreateIndex
CREATE INDEX "Result_status_idx" ON "Result"("status");
