"use client";
// The admins' partners screen forms: a new partner by name, a member added by e-mail with a role, a member
// removed. Refusals are shown on their field (a name taken, an e-mail without an account).
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useRemountingAction } from "@/components/ui/use-remounting-action";
import { addPartnerMemberAction, createPartnerAction, removePartnerMemberAction } from "@/lib/server/partners/actions";

export const partnerRoles = ["REPORTER", "REVIEWER"] as const;

function usePartnerForm(action: typeof createPartnerAction) {
  const { state, formAction, pending, formKey } = useRemountingAction(action, {});
  const message = useErrorMessage("partners.errors");
  return {
    state,
    formAction,
    pending,
    formKey,
    message,
    error: (field: string) => message(state.fieldErrors?.[field]),
    /** What was typed, after a refusal; empty after a success. */
    value: (field: string) => (state.done ? "" : (state.values?.[field] ?? "")),
  };
}

export function NewPartnerForm() {
  const t = useTranslations("partners");
  const { state, formAction, pending, formKey, message, error, value } = usePartnerForm(createPartnerAction);
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="new-partner-title">
      <h2 id="new-partner-title" style={{ marginTop: 0 }}>
        {t("addTitle")}
      </h2>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <Field
        id="partner-name"
        name="name"
        label={t("name")}
        maxLength={200}
        defaultValue={value("name")}
        error={error("name")}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("add")}
      </button>
      {state.done && <p role="status">{t("added")}</p>}
    </form>
  );
}

export function AddMemberForm({ partnerId, partner }: { partnerId: string; partner: string }) {
  const t = useTranslations("partners");
  const { state, formAction, pending, formKey, message, error, value } = usePartnerForm(addPartnerMemberAction);
  const id = (field: string) => `member-${field}-${partnerId}`;
  return (
    <form
      key={formKey}
      action={formAction}
      className="inline-actions"
      noValidate
      aria-label={t("addMemberLabel", { partner })}
    >
      <input type="hidden" name="partnerId" value={partnerId} />
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <Field
        id={id("email")}
        name="email"
        type="email"
        label={t("memberEmail")}
        defaultValue={value("email")}
        error={error("email")}
      />
      <div className="field">
        <label htmlFor={id("role")}>{t("role")}</label>
        <select id={id("role")} name="role" defaultValue={value("role") || "REPORTER"}>
          {partnerRoles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button secondary" disabled={pending}>
        {t("addMember")}
      </button>
      {state.done && <span role="status">{t("memberSaved")}</span>}
    </form>
  );
}

export function RemoveMemberForm({
  partnerId,
  partner,
  userId,
  name,
}: {
  partnerId: string;
  partner: string;
  userId: string;
  name: string;
}) {
  const t = useTranslations("partners");
  const { state, formAction, pending, message } = usePartnerForm(removePartnerMemberAction);
  return (
    <form action={formAction} className="inline-actions">
      <input type="hidden" name="partnerId" value={partnerId} />
      <input type="hidden" name="userId" value={userId} />
      <button
        type="submit"
        className="button secondary"
        disabled={pending}
        aria-label={t("removeLabel", { name, partner })}
      >
        {t("remove")}
      </button>
      {state.error && (
        <span role="alert" className="error">
          {message(state.error)}
        </span>
      )}
    </form>
  );
}
