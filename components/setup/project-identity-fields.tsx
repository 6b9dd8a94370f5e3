"use client";
import { Field } from "@/components/ui/field";

/** Code, name and dates: what a new project and a new phase both start with. */
export function ProjectIdentityFields({
  prefix,
  t,
  value,
  error,
}: {
  prefix: string;
  t: (key: "code" | "name" | "startDate" | "endDate") => string;
  value: (field: string) => string;
  error: (field: string) => string | null;
}) {
  const field = (name: "code" | "name" | "startDate" | "endDate", type = "text") => (
    <Field
      id={`${prefix}-${name}`}
      name={name}
      type={type}
      label={t(name)}
      defaultValue={value(name)}
      error={error(name)}
    />
  );
  return (
    <>
      {field("code")}
      {field("name")}
      {field("startDate", "date")}
      {field("endDate", "date")}
    </>
  );
}
