-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "maxValue" DOUBLE PRECISION,
ADD COLUMN     "minValue" DOUBLE PRECISION,
ADD COLUMN     "wholeNumbers" BOOLEAN;
