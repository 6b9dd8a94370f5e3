-- AlterTable
ALTER TABLE "ProjectLocation" ADD COLUMN     "boundary" JSONB,
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION;
