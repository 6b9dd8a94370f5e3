"use client";
import { type FormEvent, startTransition, useEffect, useState } from "react";

/**
 * A form with a file that is sent with every submit (preview, then import) without being chosen again:
 * a file input is emptied after each submit, so the chosen file is kept here and added to the data,
 * along with the pressed button's value as `intent`.
 */
export function useFileForm(formAction: (data: FormData) => void) {
  const [file, setFile] = useState<File | null>(null);
  // Until the page is interactive a click would submit the form natively: its buttons wait for this.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    data.set("intent", submitter?.value ?? "preview");
    if (file) data.set("file", file);
    startTransition(() => formAction(data));
  };
  return { file, setFile, submit, ready };
}
