import { gatedProjectLayout } from "@/lib/server/projects/page-gate";
import { mayReview } from "@/lib/server/results/review-queue";

// The project's reviewers, and a partner's reviewers (the first level of two-level approval, at their sites).
export default gatedProjectLayout(mayReview);
