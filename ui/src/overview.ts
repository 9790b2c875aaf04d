// The protection overview as a component: every instance of every project, one keyed row each,
// read again in place when a backup ends or a schedule changes.
import { h, type ComponentChildren } from "preact";
import * as api from "./api";
import { ago, dateTime, scheduleShort, scheduleText, t, type Key } from "./i18n";
import { ErrorBox, Remedy, Suspended, useRead } from "./components";
import { LoginQuestion } from "./prefs";
import { RehearsalLine, rehearsalDialog } from "./rehearsal";
import { errorText, toast } from "./dom";

type Props = {
  /** Opens the automatic backup form for an unprotected instance, focus returning to `button`. */
  protect: (row: api.Covered, button: HTMLElement) => void;
  /** Opens "Create a backup" for the row's instance, focus returning to `button`. */
  backUp: (row: api.Covered, button: HTMLElement) => void;
  loaded: () => void;
};

// What went wrong first (a failed or overdue schedule), then what has no schedule, then the rest.
const ORDER = { warning: 0, unprotected: 1, ok: 2 };
const LABEL: Record<api.Protection, Key> = { ok: "protOk", warning: "protWarning", unprotected: "protNone" };
const TONE: Record<api.Protection, string> = { ok: "ok", warning: "busy", unprotected: "bad" };
const WHY: Record<api.Attention, Key> = { lastRunFailed: "attnLastRunFailed", overdue: "attnOverdue", rehearsalFailed: "attnRehearsalFailed" };

export function Overview({ protect, backUp, loaded }: Props) {
  const { data, failure, retry } = useRead(() => api.protectionOverview(), [], loaded);
  const title = h("h1", {}, t("overviewTitle"));
  let body: ComponentChildren;
  if (failure && !data) body = h(ErrorBox, { failure, retry });
  else if (!data) body = h("p", { class: "loading", role: "status" }, t("loadingOverview"));
  else {
    const rows = [...data.rows].sort((a, b) => ORDER[a.protection] - ORDER[b.protection] || a.instanceName.localeCompare(b.instanceName));
    const count = (p: api.Protection) => rows.filter((r) => r.protection === p).length;
    const now = Date.parse(data.now);
    body = [
      h("p", { class: "summary", id: "protection-summary" }, t("overviewSummary", { ok: count("ok"), total: rows.length, warn: count("warning"), none: count("unprotected") })),
      h(
        "table",
        { class: "list", id: "overview" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            (["colProject", "colName", "colAutomatic", "colLastGood", "colStatus"] as Key[]).map((k) => h("th", { scope: "col", key: k }, t(k))),
            h("th", {}, h("span", { class: "visually-hidden" }, t("colActions"))),
          ),
        ),
        h(
          "tbody",
          {},
          rows.map((r) => h(Row, { key: `${r.projectId}/${r.instanceId}`, r, now, protect, backUp })),
        ),
      ),
    ];
  }
  return h("div", {}, title, h(LoginQuestion, {}), body);
}

/** "Test the latest backup": the dialog names the backup it found, so the user sees which. */
async function testLatest(r: api.Covered, button: HTMLElement): Promise<void> {
  try {
    const latest = await api.latestBackup(r.projectId, r.instanceId);
    if (latest) rehearsalDialog(r.projectId, latest.id, latest.name, button);
    else toast(t("rehearsalNoBackup", { instance: r.instanceName }), "bad");
  } catch (e) {
    toast(errorText(e as api.ApiError), "bad");
  }
}

function Row({ r, now, protect, backUp }: { r: api.Covered; now: number; protect: Props["protect"]; backUp: Props["backUp"] }) {
  return h(
    "tr",
    { "data-covered": r.instanceName },
    h("td", {}, r.projectName),
    h("th", { scope: "row" }, r.instanceName, h("span", { class: "note" }, r.region)),
    h("td", {}, r.schedule ? h("span", { class: "sentence", title: scheduleText(r.schedule, null) }, scheduleShort(r.schedule)) : t("none")),
    h("td", {}, r.lastGoodBackup ? h("span", {}, dateTime(r.lastGoodBackup), h("span", { class: "note" }, ago(r.lastGoodBackup, now))) : t("never")),
    h(
      "td",
      { class: "protection" },
      h("span", { class: `status ${TONE[r.protection]}` }, t(LABEL[r.protection])),
      r.attention ? h("span", { class: "note attention" }, t(WHY[r.attention])) : null,
      // What OVH said of the failed run: advice when its words name a quota, its words under
      // "Details" either way.
      r.failure?.quota ? h("span", { class: "note attention advice" }, t("attnQuota", { region: r.region })) : null,
      r.failure ? h(Remedy, { quota: r.failure.quota, expired: false, ovh: r.failure.ovh, place: { projectId: r.projectId, region: r.region } }) : null,
      r.projectSuspended ? h(Suspended, { projectId: r.projectId, project: r.projectName }) : null,
      r.rehearsal ? h(RehearsalLine, { r: r.rehearsal }) : null,
      r.unprotectedVolumes.length ? h("span", { class: "note warn volumes-unprotected" }, t("volumesUnprotected", { volumes: r.unprotectedVolumes.join(", ") })) : null,
    ),
    h(
      "td",
      { class: "row-actions" },
      // The next step is always here: back up now; and without a schedule, make one.
      h("button", { class: "btn small primary back-up-now", onClick: (e: MouseEvent) => backUp(r, e.currentTarget as HTMLElement) }, t("backUpNow")),
      h("button", { class: "btn small test-latest", onClick: (e: MouseEvent) => void testLatest(r, e.currentTarget as HTMLElement) }, t("testLatest")),
      r.protection === "unprotected" && !r.metal
        ? h("button", { class: "btn small protect", onClick: (e: MouseEvent) => protect(r, e.currentTarget as HTMLElement) }, t("createAutoBackup"))
        : null,
    ),
  );
}
