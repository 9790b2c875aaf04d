// What the component screens share: the signal that what they show may have moved, a read that
// drops answers no longer wanted, why a read failed, and the small
// pieces every screen draws (a date and time, a labelled drop-down, a set of ticked ids).
import { Fragment, h, type ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { signal } from "@preact/signals";
import * as api from "./api";
import { dateAndTime, t } from "./i18n";
import { errorText, panelPage, reconnectFor, showBackupsIn } from "./dom";

/** Bumped when instances, backups or automatic backups may have moved (a backup started or
 * ended, a schedule changed): the screen shown reads again and updates in place. */
export const cloudMoved = signal(0);

/** The answer of `read`, read again when a `key` or `cloudMoved` changes, or on `retry`. An
 * answer that arrives after the screen or its keys changed is dropped; after a first answer, a
 * failed read again keeps the answer shown. Without `follow`, `cloudMoved` is not followed. */
export function useRead<T>(read: () => Promise<T>, keys: unknown[], loaded?: () => void, follow = true) {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<api.ApiError | null>(null);
  const [tries, setTries] = useState(0);
  // Reading the signal is what subscribes the component to it.
  const moved = follow ? cloudMoved.value : 0;
  useEffect(() => {
    let wanted = true;
    read().then(
      (answer) => {
        if (!wanted) return;
        setData(answer);
        setFailure(null);
        loaded?.();
      },
      (e: api.ApiError) => wanted && setFailure(e),
    );
    return () => {
      wanted = false;
    };
  }, [...keys, moved, tries]);
  return { data, failure, retry: () => setTries((n) => n + 1) };
}

/** Why a read failed, with Retry (`retryLabel`) and, when connecting again fixes it, "Connect
 * again". */
export function ErrorBox({ failure, retry, retryLabel = t("retry") }: { failure: api.ApiError; retry: () => void; retryLabel?: string }) {
  const fix = reconnectFor(failure);
  return h(
    "div",
    { class: "notice error", role: "alert" },
    h("p", {}, errorText(failure)),
    h(Remedy, remedyOf(failure)),
    h(
      "div",
      { class: "actions start" },
      fix ? h("button", { class: "btn primary", id: "reconnect", type: "button", onClick: fix }, t("reconnect")) : null,
      h("button", { class: "btn", type: "button", onClick: retry }, retryLabel),
    ),
  );
}

/** Where something failed, so its advice can lead there ("Show backups in GRA11"). */
export type Place = { projectId: string; region: string };

/** What a failure's advice offers: room to make (a quota), a service to renew, and OVH's own
 * words, which its sentence leaves out. */
export type Remedies = { quota: boolean; expired: boolean; ovh: string | null };

/** The remedies of an error the app was told. */
export function remedyOf(failure: api.ApiError): Remedies {
  const said = failure.said;
  const advised = said.code === "quota" || said.code === "busy" || said.code === "expired";
  return { quota: said.code === "quota", expired: said.code === "expired", ovh: advised ? said.ovh : null };
}

/** After a failure's sentence: the actions its advice names, each where it can be done, and
 * OVH's own words under "Details" (its wording is OVH's, possibly English and unconfirmed). */
export function Remedy({ quota, expired, ovh, place }: Remedies & { place?: Place }) {
  const actions: ComponentChildren[] = [];
  if (quota && place) {
    const show = showBackupsIn(place.projectId, place.region);
    if (show) actions.push(h("button", { class: "btn small", type: "button", "data-remedy": "show-backups", onClick: show }, t("showBackupsIn", { region: place.region })));
    const page = panelPage(place.projectId, "quota");
    if (page) actions.push(h("button", { class: "btn small", type: "button", "data-remedy": "quota-page", onClick: () => void api.openPage(page) }, t("openQuotaPage")));
  }
  const panel = expired && place ? panelPage(place.projectId, "") : null;
  if (panel) actions.push(h("button", { class: "btn small", type: "button", "data-remedy": "panel", onClick: () => void api.openPage(panel) }, t("openControlPanel")));
  return h(
    Fragment,
    {},
    actions.length ? h("div", { class: "actions start remedy" }, actions) : null,
    ovh ? h("details", { class: "details ovh-said" }, h("summary", {}, t("adviceDetails")), h("p", {}, t("ovhSaid", { text: ovh }))) : null,
  );
}

/** What OVH's "suspended" on a project means for the user, and where to see why: the Control
 * Panel's project page (with a real account). What OVH refuses then is not confirmed, so this
 * advises and blocks nothing. */
export function Suspended({ projectId, project }: { projectId: string; project: string }) {
  const panel = panelPage(projectId, "");
  return h(
    Fragment,
    {},
    h("span", { class: "note attention advice suspended" }, t("attnSuspended", { project })),
    panel ? h("div", { class: "actions start remedy" }, h("button", { class: "btn small", type: "button", "data-remedy": "panel", onClick: () => void api.openPage(panel) }, t("openControlPanel"))) : null,
  );
}

/** A date and a time for a table cell: each kept whole, on one line when the column has room. */
export function When({ iso }: { iso: string | null }) {
  if (!iso) return h(Fragment, {}, "—");
  const [date, time] = dateAndTime(iso);
  return h(Fragment, {}, h("span", { class: "nowrap" }, date), " ", h("span", { class: "nowrap" }, time));
}

/** A labelled drop-down: `options` are [value, name] pairs; `pick` gets the value chosen. The
 * label is a "field" (beside the control) unless `stack` puts it above. */
export function Choice(props: { id: string; label: string; value: string; options: [string, string][]; pick: (value: string) => void; stack?: boolean; disabled?: boolean }) {
  const { id, label, value, options, pick, stack = false, disabled = false } = props;
  return h(
    "label",
    { class: stack ? "stack" : "field", for: id },
    h("span", {}, label),
    h(
      "select",
      { id, value, disabled, onChange: (e: Event) => pick((e.currentTarget as HTMLSelectElement).value) },
      options.map(([v, name]) => h("option", { key: v, value: v }, name)),
    ),
  );
}

/** `ids` ticked (`on`) or unticked in a copy of `set`, for a screen's or form's selection state. */
export function toggled<T>(set: ReadonlySet<T>, ids: T[], on: boolean): Set<T> {
  const out = new Set(set);
  for (const id of ids) {
    if (on) out.add(id);
    else out.delete(id);
  }
  return out;
}
