export const roles = ["MANAGER", "EVALUATOR", "VIEWER"] as const;
