"use client";

/** A secret shown once after it was created (a share link, an API token), ready to copy. */
export function SecretNotice({ message, label, value }: { message: string; label: string; value: string }) {
  return (
    <div className="notice" role="status">
      <p>{message}</p>
      <input aria-label={label} readOnly value={value} style={{ width: "100%" }} onFocus={(e) => e.target.select()} />
    </div>
  );
}
