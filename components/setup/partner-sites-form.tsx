"use client";
// A project's partners page forms (#34): the project's places ticked and assigned to a partner (or taken
// from theirs), each place saying who reports there; and the project's two-level approval switch.
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/ui/use-error-message";
import { useRemountingAction } from "@/components/ui/use-remounting-action";
import { partnerSitesAction, twoLevelApprovalAction } from "@/lib/server/partners/actions";
import { PlacesPicker } from "./places-picker";

type Place = { locationId: string; name: string; depth: number; partnerId: string | null };

export function PartnerSitesForm({
  projectId,
  partners,
  places,
}: {
  projectId: string;
  partners: { id: string; name: string }[];
  places: Place[];
}) {
  const t = useTranslations("partners.project");
  const message = useErrorMessage("partners.errors");
  const { state, formAction, pending, formKey } = useRemountingAction(partnerSitesAction.bind(null, projectId), {});
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  const partnerOf = new Map(places.map((p) => [p.locationId, p.partnerId]));
  const ticked = new Set(state.done ? [] : (state.lists?.locationIds ?? []));
  const problem = (field: string) => message(state.fieldErrors?.[field]);
  return (
    <form key={formKey} action={formAction} className="card" noValidate aria-labelledby="partner-sites-title">
      <h2 id="partner-sites-title" style={{ marginTop: 0 }}>
        {t("sitesTitle")}
      </h2>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <PlacesPicker
        name="locationIds"
        places={places.map((p) => ({
          id: p.locationId,
          ref: p.locationId,
          name: p.name,
          isoCode: null,
          depth: p.depth,
        }))}
        isChecked={(id) => ticked.has(id)}
        error={problem("locationIds")}
        note={(p) => {
          const partner = partnerOf.get(p.id);
          return partner ? t("reportedBy", { partner: partnerName.get(partner) ?? "" }) : t("noPartner");
        }}
      />
      <div className="field">
        <label htmlFor="sites-partner">{t("partner")}</label>
        <select
          id="sites-partner"
          name="partnerId"
          defaultValue={state.done ? "" : (state.values?.partnerId ?? "")}
          aria-invalid={Boolean(state.fieldErrors?.partnerId)}
          aria-describedby="sites-partner-error"
        >
          <option value="">{t("choosePartner")}</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {state.fieldErrors?.partnerId && (
          <span id="sites-partner-error" className="error">
            {problem("partnerId")}
          </span>
        )}
      </div>
      <label className="field">
        <input type="checkbox" name="reassign" defaultChecked={!state.done && state.values?.reassign === "on"} />{" "}
        {t("reassign")}
      </label>
      <p className="inline-actions">
        <button type="submit" name="intent" value="assign" className="button" disabled={pending}>
          {t("assign")}
        </button>
        <button type="submit" name="intent" value="unassign" className="button secondary" disabled={pending}>
          {t("unassign")}
        </button>
      </p>
      {state.done && <p role="status">{t("saved")}</p>}
    </form>
  );
}

export function TwoLevelApprovalForm({ projectId, on }: { projectId: string; on: boolean }) {
  const t = useTranslations("partners.project");
  const message = useErrorMessage("partners.errors");
  const { state, formAction, pending, formKey } = useRemountingAction(twoLevelApprovalAction.bind(null, projectId), {});
  return (
    <form key={formKey} action={formAction} className="card" aria-labelledby="two-level-title">
      <h2 id="two-level-title" style={{ marginTop: 0 }}>
        {t("twoLevel")}
      </h2>
      <p id="two-level-explained">{t("twoLevelExplained")}</p>
      {state.error && (
        <p role="alert" className="error">
          {message(state.error)}
        </p>
      )}
      <label className="field">
        <input type="checkbox" name="twoLevelApproval" defaultChecked={on} aria-describedby="two-level-explained" />{" "}
        {t("twoLevelSwitch")}
      </label>
      <button type="submit" className="button secondary" disabled={pending}>
        {t("save")}
      </button>
      {state.done && <p role="status">{t(on ? "twoLevelOn" : "twoLevelOff")}</p>}
    </form>
  );
}
