import { gatedProjectLayout } from "@/lib/projects/page-gate";

export default gatedProjectLayout("results.review");
