import { NotFoundMessage } from "@/components/layout/not-found-message";

/** A path no page answers: a page of its own, its own main landmark. */
export default function NotFound() {
  return (
    <main id="content" className="login">
      <NotFoundMessage />
    </main>
  );
}
