"use client";

type Props = { id: string; title: string; intro: string; fileLabel: string; onChoose: (file: File | null) => void };

/** The heading of an upload form: its title, what it takes, and the file input (CSV or XLSX). */
export function UploadHeading({ id, title, intro, fileLabel, onChoose }: Props) {
  return (
    <>
      <h2 id={`${id}-title`} style={{ marginTop: 0 }}>
        {title}
      </h2>
      <p className="muted">{intro}</p>
      <div className="field">
        <label htmlFor={`${id}-file`}>{fileLabel}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.xlsx,text/csv"
          onChange={(e) => onChoose(e.target.files?.[0] ?? null)}
        />
      </div>
    </>
  );
}
