// Workflow Management as a component: one keyed row per automatic backup, read again in place
// when a schedule changes or a run is told, so ticked rows, an open history and the focused "…"
// stay put while OVH's servers run the workflows.
import { Fragment, h, type ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import * as api from "./api";
import { dateTime, scheduleShort, scheduleText, t, type Key } from "./i18n";
import { popupMenu } from "./dom";
import { cloudMoved, ErrorBox, toggled, useRead, When } from "./components";
import { autoBackupDialog, confirmDeleteWorkflows } from "./schedules";

type Props = { projectId: string; loaded: () => void };

/** The list is read again where it is shown: after a change the user made, or one OVH told. */
const readAgain = () => cloudMoved.value++;

export function Workflows({ projectId, loaded }: Props) {
  const { data: rows, failure, retry } = useRead(() => api.listWorkflows(projectId), [projectId], loaded);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  // What Delete acts on is what is ticked and still listed: a workflow gone since is not sent.
  const chosen = (rows ?? []).filter((r) => ticked.has(r.id));
  const tick = (id: string, on: boolean) => setTicked((before) => toggled(before, [id], on));
  const title = h("h1", {}, t("workflowsTitle"));
  if (failure && !rows) return h("div", {}, title, h(ErrorBox, { failure, retry }));
  if (!rows) return h("div", {}, title, h("p", { class: "loading", role: "status" }, t("loadingWorkflows")));
  const deleted = () => {
    setTicked(new Set());
    readAgain();
  };
  const toolbar = h(
    "div",
    { class: "toolbar" },
    h("button", { class: "btn primary", id: "create-auto", onClick: (e: MouseEvent) => autoBackupDialog(projectId, null, e.currentTarget as HTMLElement, readAgain) }, t("createAutoBackup")),
    h("button", { class: "btn", id: "check-now", onClick: () => void api.refreshSchedules().then(readAgain, readAgain) }, t("checkNow")),
    h("span", { class: "spacer" }),
    // Quiet until something is chosen, as on Instance Backup.
    h(
      "button",
      {
        class: chosen.length ? "btn danger" : "btn",
        id: "delete-workflows",
        disabled: chosen.length === 0,
        onClick: (e: MouseEvent) => confirmDeleteWorkflows(projectId, chosen, e.currentTarget as HTMLElement, deleted),
      },
      t("deleteSelected", { count: String(chosen.length) }),
    ),
  );
  if (rows.length === 0) return h("div", {}, title, toolbar, h("p", { class: "empty" }, t("noWorkflows")));
  const heads: Key[] = ["colName", "colInstance", "colSchedule", "colNextRun", "colLastRun"];
  return h(
    "div",
    {},
    title,
    toolbar,
    h(
      "table",
      { class: "list", id: "workflows" },
      h("thead", {}, h("tr", {}, h("th", { class: "select" }), heads.map((k) => h("th", { scope: "col", key: k }, t(k))), h("th", {}, h("span", { class: "visually-hidden" }, t("colActions"))))),
      h(
        "tbody",
        {},
        rows.map((r) => h(Row, { key: r.id, r, projectId, ticked: ticked.has(r.id), tick })),
      ),
    ),
  );
}

type RowProps = { r: api.WorkflowRow; projectId: string; ticked: boolean; tick: (id: string, on: boolean) => void };

function Row({ r, projectId, ticked, tick }: RowProps) {
  const [history, setHistory] = useState(false);
  const label = t("actionsFor", { name: r.name });
  // One "…" as on the other lists: two buttons per row pushed the table past a small window.
  const menu = (e: MouseEvent) => {
    e.stopPropagation();
    const more = e.currentTarget as HTMLButtonElement;
    popupMenu(more, label, [
      [t("edit"), () => autoBackupDialog(projectId, r.instanceId, more, readAgain, r)],
      [t("history"), () => setHistory((open) => !open)],
    ]);
  };
  const where = r.rotation !== null ? `${r.region} · ${t("schedKeeps", { keep: String(r.rotation) })}` : r.region;
  return h(
    Fragment,
    {},
    h(
      "tr",
      { "data-workflow": r.name },
      h(
        "td",
        { class: "select" },
        h("input", { type: "checkbox", "aria-label": t("selectRow", { name: r.name }), checked: ticked, onChange: (e: Event) => tick(r.id, (e.currentTarget as HTMLInputElement).checked) }),
      ),
      h("th", { scope: "row" }, r.name),
      h("td", { class: "nowrap" }, r.instanceName ?? h("em", {}, t("deletedInstance"))),
      h("td", {}, h("span", { class: "sentence", title: scheduleText(r.schedule, null) }, scheduleShort(r.schedule)), h("span", { class: "note" }, where)),
      h("td", {}, h(When, { iso: r.nextRun })),
      h("td", {}, h(RunBadge, { run: r.lastRun })),
      h("td", { class: "row-actions actions-cell" }, h("button", { class: "btn icon", "aria-haspopup": "menu", "aria-expanded": "false", "aria-label": label, title: label, onClick: menu }, "…")),
    ),
    h(
      "tr",
      { class: "history", hidden: !history },
      h("td", { colspan: 7 }, r.history.length ? h("ul", { class: "runs" }, r.history.map((run, i) => h("li", { key: i }, h(RunBadge, { run })))) : h("p", { class: "note" }, t("noRuns"))),
    ),
  );
}

function RunBadge({ run }: { run: api.Run | null }): ComponentChildren {
  if (!run) return h("span", { class: "note" }, t("noRuns"));
  const tone = run.state === "success" ? "ok" : run.state === "error" ? "bad" : "busy";
  return h(
    "span",
    {},
    h("span", { class: `status ${tone}` }, run.state === "other" ? run.rawState : t(`run.${run.state}` as Key)),
    run.executedAt ? h("span", { class: "note" }, dateTime(run.executedAt)) : null,
    run.stateInfo ? h("span", { class: "note warn" }, run.stateInfo) : null,
  );
}
