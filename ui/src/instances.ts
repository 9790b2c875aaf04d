// The Instances list as a component: rows keyed by instance, so a backup starting or ending
// updates a row's status in place and the focused "…", an open menu and the scroll stay put.
import { h, type ComponentChildren } from "preact";
import * as api from "./api";
import { statusLabel, statusTone, t } from "./i18n";
import { ErrorBox, useRead } from "./components";

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
