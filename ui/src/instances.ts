// The Instances list as a component: rows keyed by instance, so a backup starting or ending
// updates a row's status in place and the focused "…", an open menu and the scroll stay put; and
// the "Create a backup" dialog its menu opens.
import { h, type ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import * as api from "./api";
import { backupName, money, nameProblem, statusLabel, statusTone, t, unitPrice } from "./i18n";
import { ErrorBox, Suspended, useRead } from "./components";
import { Actions, Loaded, openDialog, Status, useFirstFocus, useSubmit } from "./dialog";
import { toast } from "./dom";

type Props = {
  project: api.Project;
  /** Opens the row's "…" menu under `button`. */
  menu: (row: api.InstanceRow, button: HTMLButtonElement) => void;
  /** Called once the list is shown (the window then says what it could not read). */
  loaded: () => void;
};

export function Instances({ project, menu, loaded }: Props) {
  const { data: rows, failure, retry } = useRead(() => api.listInstances(project.id), [project.id], loaded);

  const title = h("h1", {}, t("instancesTitle"));
  let body: ComponentChildren;
  if (failure && !rows) body = h(ErrorBox, { failure, retry });
  else if (!rows) body = h("p", { class: "loading", role: "status" }, t("loadingInstances"));
  else if (rows.length === 0) body = h("p", { class: "empty" }, t("noInstances"));
  else
    body = h(
      "table",
      { class: "list", id: "instances" },
      h("caption", { class: "visually-hidden" }, t("instancesCaption", { project: project.name })),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t("colName")),
          h("th", { scope: "col" }, t("colRegion")),
          h("th", { scope: "col" }, t("colModel")),
          h("th", { scope: "col" }, t("colStatus")),
          h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("colActions"))),
        ),
      ),
      h("tbody", {}, rows.map((row) => h(Row, { key: row.id, row, menu }))),
    );
  return h("div", {}, title, body);
}

function Row({ row, menu }: { row: api.InstanceRow; menu: Props["menu"] }) {
  const note = row.metal ? t("metalNote") : row.iops ? t("iopsNote") : null;
  const label = t("actionsFor", { name: row.name });
  return h(
    "tr",
    { "data-instance": row.name },
    h("th", { scope: "row" }, h("span", { class: "name" }, row.name), note ? h("span", { class: "note" }, note) : null),
    h("td", {}, row.region),
    h("td", {}, row.model),
    h("td", {}, h("span", { class: `status ${statusTone(row.status)}` }, statusLabel(row.status))),
    h(
      "td",
      { class: "actions-cell" },
      h(
        "button",
        {
          class: "btn icon",
          "aria-haspopup": "menu",
          "aria-expanded": "false",
          "aria-label": label,
          title: label,
          onClick: (e: MouseEvent) => {
            e.stopPropagation();
            menu(row, e.currentTarget as HTMLButtonElement);
          },
        },
        "…",
      ),
    ),
  );
}

/** "Create a backup" for one instance; `started` runs once OVH accepted it. */
export function backupDialog(projectId: string, instanceId: string, name: string, returnFocus: HTMLElement, started: () => void): void {
  const title = t("backupDialogTitle", { name });
  openDialog(
    title,
    returnFocus,
    (close) =>
      h(Loaded<api.BackupForm>, {
        title,
        read: () => api.backupForm(projectId, instanceId),
        loading: t("loadingInstances"),
        close,
        children: (form) => h(BackupForm, { projectId, form, close, started }),
      }),
    true,
  );
}

function BackupForm({ projectId, form, close, started }: { projectId: string; form: api.BackupForm; close: () => void; started: () => void }) {
  const [name, setName] = useState(() => backupName(form.instanceName, form.namedAt));
  const [ack, setAck] = useState(false);
  // Every additional volume is ticked: "back up this server" means all of it.
  const [volumes, setVolumes] = useState<Set<string>>(() => new Set(form.volumes.map((v) => v.id)));
  const first = useFirstFocus<HTMLInputElement>();
  const problem = nameProblem(name);
  const ready = !problem && (!form.metal || ack) && !form.busy;
  const { busy, said, onSubmit } = useSubmit(async () => {
    const ticked = form.volumes.filter((v) => volumes.has(v.id)).map((v) => v.id);
    const created = await api.createBackup(projectId, form.instanceId, name.trim(), form.metal && ack, ticked);
    close();
    toast(created.recovered ? t("backupRecovered") : t("backupStarted", { name: form.instanceName }), "ok");
    started();
  }, ready);
  const price = form.price
    ? h(
        "div",
        { class: "pricing" },
        h("h3", {}, t("pricingTitle")),
        h("p", {}, t("pricePerGb", { price: unitPrice(form.price.perGbMonth, form.price.currency) })),
        form.estimateMonthly !== null && form.diskGb !== null ? h("p", {}, t("priceEstimate", { disk: String(form.diskGb), total: money(form.estimateMonthly, form.price.currency) })) : null,
      )
    : h("div", { class: "pricing" }, h("h3", {}, t("pricingTitle")), h("p", { id: "price-not-available" }, t("priceUnknown")));
  const warnings = h(
    "ul",
    { class: "warnings" },
    // A Metal instance is not briefly suspended: it is down for the whole cold snapshot.
    form.metal ? null : h("li", {}, t("warnSuspend")),
    form.iops ? h("li", {}, t("warnIops")) : null,
    form.volumesUnknown ? h("li", { id: "volumes-unknown" }, t("volumesUnknown")) : null,
  );
  const tick = (id: string, on: boolean) =>
    setVolumes((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const volumeList =
    form.volumes.length > 0
      ? h(
          "fieldset",
          { class: "volumes", id: "backup-volumes" },
          h("legend", {}, t("volumesTitle", { count: form.volumes.length })),
          form.volumes.map((v) =>
            h(
              "label",
              { class: "check", key: v.id, "data-volume": v.name },
              h("input", { type: "checkbox", checked: volumes.has(v.id), onChange: (e: Event) => tick(v.id, (e.currentTarget as HTMLInputElement).checked) }),
              h(
                "span",
                {},
                v.estimateMonthly !== null && form.volumePrice
                  ? t("volumeChoiceCost", { name: v.name, size: String(v.sizeGb), cost: money(v.estimateMonthly, form.volumePrice.currency) })
                  : t("volumeChoice", { name: v.name, size: String(v.sizeGb) }),
              ),
            ),
          ),
          h("p", { class: "help" }, t("volumesHelp")),
        )
      : null;
  const metal = form.metal
    ? h(
        "fieldset",
        { class: "metal" },
        h("legend", {}, t("metalTitle")),
        h("p", {}, t("metalText")),
        h(
          "label",
          { class: "check" },
          h("input", { id: "metal-ack", type: "checkbox", checked: ack, onChange: (e: Event) => setAck((e.currentTarget as HTMLInputElement).checked) }),
          h("span", {}, t("metalAck", { name: form.instanceName })),
        ),
      )
    : null;
  return h(
    "form",
    { method: "dialog", onSubmit },
    h("h2", {}, t("backupDialogTitle", { name: form.instanceName })),
    h(
      "label",
      { class: "stack", for: "backup-name" },
      h("span", {}, t("backupName")),
      h("input", {
        id: "backup-name",
        type: "text",
        maxlength: 255,
        required: true,
        "aria-describedby": "backup-name-help backup-name-error",
        "aria-invalid": problem ? "true" : "false",
        autocomplete: "off",
        value: name,
        ref: first,
        onInput: (e: Event) => setName((e.currentTarget as HTMLInputElement).value),
      }),
    ),
    h("p", { id: "backup-name-help", class: "help" }, t("backupNameHelp")),
    h("p", { id: "backup-name-error", class: "field-error", role: "alert" }, problem ? t(problem) : ""),
    price,
    volumeList,
    warnings,
    metal,
    form.busy ? h("p", { class: "notice" }, t("backupBusy")) : null,
    form.suspendedProject ? h("div", { class: "notice" }, h(Suspended, { projectId, project: form.suspendedProject })) : null,
    form.regionState ? h("p", { class: "notice", id: "region-state" }, t(form.regionState === "maintenance" ? "regionMaintenance" : "regionDown", { region: form.region })) : null,
    h(Status, { said, place: { projectId, region: form.region } }),
    h(Actions, { close, id: "confirm-backup", ready, busy }),
  );
}
