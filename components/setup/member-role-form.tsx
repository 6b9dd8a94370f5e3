"use client";
import { memberRoleAction } from "@/lib/server/projects/actions";
import { roles } from "./roles";
import { useSetupForm } from "./use-setup-form";

/** A member's role, changed or removed in place; refusals (the last manager) are shown next to it. */
export function MemberRoleForm({
  projectId,
  userId,
  name,
  role,
}: {
  projectId: string;
  userId: string;
  name: string;
  role: string;
}) {
  const { state, formAction, formKey, pending, t, message } = useSetupForm(memberRoleAction.bind(null, projectId));
  const problem = state.fieldErrors?.role ?? state.error;
  return (
    <form key={formKey} action={formAction} className="inline-actions">
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={`role-${userId}`}>
        {t("roleOf", { name })}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
        <option value="REMOVE">{t("remove")}</option>
      </select>
      <button className="button secondary" type="submit" disabled={pending}>
        {t("change")}
      </button>
      {problem && (
        <span role="alert" className="error">
          {message(problem)}
        </span>
      )}
    </form>
  );
}
