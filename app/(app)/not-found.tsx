import { NotFoundMessage } from "@/components/layout/not-found-message";

/** Not found inside the signed-in pages: their layout already holds the main landmark (no main in main). */
export default function NotFound() {
  return (
    <div className="login">
      <NotFoundMessage />
    </div>
  );
}
