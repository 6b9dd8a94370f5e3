"use client";
import { signIn } from "next-auth/react";
import { useEffect, useState } from "react";

/** "Sign in with <label>": sends the browser to the organisation's OpenID Connect provider. */
export function SsoButton({ providerId, text }: { providerId: string; text: string }) {
  const [pending, setPending] = useState(false);
  // Disabled until the page is interactive, like the password form's button.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <button
      type="button"
      className="button"
      disabled={!ready || pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl: "/projects" }).catch(() => setPending(false));
      }}
    >
      {text}
    </button>
  );
}
