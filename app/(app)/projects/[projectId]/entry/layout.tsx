import { gatedProjectLayout } from "@/lib/server/projects/page-gate";
import { mayEnter } from "@/lib/server/results/entry-sheet";

// The project's evaluators and managers, and a partner's members (their sites' rows only).
export default gatedProjectLayout(mayEnter);
