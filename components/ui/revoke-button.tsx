/** A one-button form that revokes something by id through a server action. */
export function RevokeButton({
  action,
  name,
  id,
  label,
  text,
}: {
  action: (form: FormData) => Promise<void>;
  name: string;
  id: string;
  label: string;
  text: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name={name} value={id} />
      <button type="submit" className="button secondary" aria-label={label}>
        {text}
      </button>
    </form>
  );
}
