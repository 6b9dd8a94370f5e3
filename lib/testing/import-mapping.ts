// Test data: the column mapping of a results table whose columns are named as the fields they hold.
import { type ImportMapping, importMappingSchema } from "@/lib/domain/results/import-mapping";

export const namedColumns: ImportMapping = importMappingSchema.parse({
  indicator: "indicator",
  location: "location",
  period: "period",
  option: "option",
  value: "value",
});
