import type { InputHTMLAttributes } from "react";

/** A labelled input with its error message, wired for screen readers (aria-invalid, aria-describedby). */
export function Field({
  id,
  label,
  error,
  ...input
}: { id: string; label: string; error?: string | null } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={Boolean(error)} aria-describedby={`${id}-error`} {...input} />
      {error && (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      )}
    </div>
  );
}
