// Automatic backups' dialogs: the four-part "Create an automatic backup" form (also editing one),
// and deleting workflows with the exact list of their backups.
import * as api from "./api";
import { refusalText } from "./backups";
import { errorBox, errorText, h, modal, saidText, submitOnce, toast } from "./dom";
import { dateTime, gb, money, scheduleSentence, scheduleText, t, zoneCity, type Key } from "./i18n";

const NAME_RULE = /^[a-zA-Z0-9_.-]+$/;

function section(title: Key, ...children: (HTMLElement | null)[]): HTMLElement {
  return h("fieldset", { class: "part" }, h("legend", {}, t(title)), ...children);
}

/** Opens the form; `preselect` is the instance it was opened from. `done` runs after creation.
 * With `editing`, the form changes that workflow instead (delete and recreate). */
export function autoBackupDialog(projectId: string, preselect: string | null, returnFocus: HTMLElement | null, done: () => void, editing: api.WorkflowRow | null = null): void {
  const title = editing ? t("editTitle", { name: editing.name }) : t("autoTitle");
  modal(title, returnFocus, (dialog, close) => {
    dialog.classList.add("wide");
    dialog.append(h("h2", {}, title), h("p", { class: "loading", role: "status" }, t("loadingInstances")));
    api.autoBackupForm(projectId).then(
      (form) => fillAutoForm(dialog, close, form, projectId, preselect, done, editing),
      (e: api.ApiError) => dialog.replaceChildren(h("h2", {}, title), errorBox(e, close)),
    );
  });
}

function fillAutoForm(dialog: HTMLDialogElement, close: () => void, form: api.AutoForm, projectId: string, preselect: string | null, done: () => void, editing: api.WorkflowRow | null): void {
  const boxes = form.instances.map((i) => {
    const box = h("input", { type: "checkbox", value: i.id, "data-name": i.name });
    box.checked = i.id === preselect && !i.metal;
    // A workflow belongs to one instance: editing keeps it.
    box.disabled = i.metal || editing !== null;
    const note = i.metal ? t("autoMetal") : i.workflows.length ? t("autoAlready", { names: i.workflows.join(", ") }) : null;
    return { i, box, el: h("label", { class: "check instance-choice", "data-instance": i.name }, box, h("span", {}, `${i.name} · ${i.region}`, note ? h("span", { class: "note" }, note) : null)) };
  });
  const radio = (value: string, label: Key) => {
    const r = h("input", { type: "radio", name: "preset", value, id: `preset-${value}` });
    return { r, el: h("label", { class: "check" }, r, h("span", {}, t(label))) };
  };
  const p7 = radio("7", "preset7");
  const p14 = radio("14", "preset14");
  const custom = radio("custom", "presetCustom");
  p7.r.checked = true;
  const repeat = h("select", { id: "repeat" }, h("option", { value: "daily" }, t("repeatDaily")), h("option", { value: "weekly" }, t("repeatWeekly")), h("option", { value: "monthly" }, t("repeatMonthly")));
  const days = [1, 2, 3, 4, 5, 6, 0].map((d) => {
    const box = h("input", { type: "checkbox", value: String(d), id: `day-${d}` });
    box.checked = d >= 1 && d <= 5;
    return { d, box, el: h("label", { class: "check day" }, box, h("span", {}, t(`day.${d}` as Key))) };
  });
  const dayOfMonth = h("input", { type: "number", id: "day-of-month", min: "1", max: "28", value: "1" });
  const time = h("input", { type: "time", id: "schedule-time", value: "23:30" });
  const keep = h("input", { type: "number", id: "keep", min: "1", max: "100", value: "7" });
  const cron = h("input", { type: "text", id: "advanced-cron", placeholder: "30 22 * * *", autocomplete: "off", spellcheck: "false" });
  // The raw cron is for IT staff: folded away, and open only when a saved schedule needs it.
  const advanced = h("details", { class: "advanced" }, h("summary", {}, t("advanced")), h("label", { class: "stack" }, h("span", {}, t("advancedCron")), cron), h("p", { class: "help" }, t("advancedHelp")));
  const customBlock = h(
    "div",
    { class: "custom" },
    h("label", { class: "field" }, h("span", {}, t("repeatLabel")), repeat),
    h("div", { class: "days" }, ...days.map((d) => d.el)),
    h("label", { class: "field dom" }, h("span", {}, t("dayOfMonth")), dayOfMonth),
    h("label", { class: "field" }, h("span", {}, t("atTime", { zone: zoneCity(form.zone) })), time),
    h("label", { class: "field" }, h("span", {}, t("keepLabel")), keep),
    advanced,
  );
  const firstChosen = boxes.find((b) => b.box.checked) ?? boxes[0];
  const name = h("input", { type: "text", id: "workflow-name", maxlength: "64", autocomplete: "off", value: editing ? editing.name : (firstChosen?.i.suggestedName ?? "") });
  if (editing) {
    // Opens on the saved schedule as the user would describe it; the cron only when it cannot be.
    custom.r.checked = true;
    keep.value = String(editing.rotation ?? 7);
    const plain = editing.schedule.plain;
    if (plain) {
      repeat.value = plain.repeat.kind;
      if (plain.repeat.kind === "weekly") {
        const on = plain.repeat.days;
        for (const d of days) d.box.checked = on.includes(d.d);
      }
      if (plain.repeat.kind === "monthly") dayOfMonth.value = String(plain.repeat.day);
      time.value = `${String(plain.hour).padStart(2, "0")}:${String(plain.minute).padStart(2, "0")}`;
    } else {
      cron.value = editing.cron;
      (advanced as HTMLDetailsElement).open = true;
    }
  }
  // A change to the plain choices is what the user wants now: it replaces a cron typed before.
  for (const el of [repeat, dayOfMonth, time, ...days.map((d) => d.box)]) {
    el.addEventListener("input", () => (cron.value = ""));
    el.addEventListener("change", () => (cron.value = ""));
  }
  const nameError = h("p", { class: "field-error", role: "alert" });
  const preview = h("div", { class: "preview", id: "schedule-preview", "aria-live": "polite" });
  const confirm = h("button", { class: "btn primary", id: "confirm-auto", type: "submit" }, t("confirm"));
  const status = h("p", { class: "form-status", role: "status" });
  let current: api.Preview | null = null;
  let seq = 0;

  const chosen = () => boxes.filter((b) => b.box.checked).map((b) => b.i);
  const choice = (): api.Choice => {
    if (!custom.r.checked) return { cron: form.presetCron, rotation: p14.r.checked ? 14 : 7 };
    const [hh, mm] = (time.value || "00:00").split(":").map(Number);
    const kind = repeat.value;
    const r: api.Repeat = kind === "weekly" ? { kind: "weekly", days: days.filter((d) => d.box.checked).map((d) => d.d) } : kind === "monthly" ? { kind: "monthly", day: Number(dayOfMonth.value) } : { kind: "daily" };
    return { cron: cron.value.trim() || undefined, plain: { repeat: r, hour: hh, minute: mm }, rotation: Number(keep.value) };
  };
  const update = async () => {
    customBlock.hidden = !custom.r.checked;
    customBlock.querySelector<HTMLElement>(".days")!.hidden = repeat.value !== "weekly";
    customBlock.querySelector<HTMLElement>(".dom")!.hidden = repeat.value !== "monthly";
    const okName = NAME_RULE.test(name.value);
    nameError.textContent = okName ? "" : t("autoNameBad");
    const ids = chosen().map((c) => c.id);
    const mine = ++seq;
    if (ids.length === 0) {
      current = null;
      preview.replaceChildren(h("p", { class: "notice" }, t("autoNoInstance")));
      (confirm as HTMLButtonElement).disabled = true;
      return;
    }
    try {
      const p = await api.previewSchedule(projectId, ids, choice());
      if (mine !== seq) return;
      current = p;
      const detailsOpen = preview.querySelector("details")?.open ?? false;
      preview.replaceChildren(...previewParts(p, ids.length, name.value));
      preview.querySelector("details")?.toggleAttribute("open", detailsOpen);
      (confirm as HTMLButtonElement).disabled = !okName;
    } catch (e) {
      if (mine !== seq) return;
      current = null;
      preview.replaceChildren(h("p", { class: "notice error" }, errorText(e as api.ApiError)));
      (confirm as HTMLButtonElement).disabled = true;
    }
  };
  const formEl = h(
    "form",
    {},
    h("h2", {}, editing ? t("editTitle", { name: editing.name }) : t("autoTitle")),
    editing ? h("p", { class: "notice" }, t("editNote")) : null,
    section("autoPart1", h("p", {}, t("autoWorkflowText")), h("p", { class: "help" }, t("autoWorkflowNote"))),
    section("autoPart2", h("div", { class: "instance-list" }, ...boxes.map((b) => b.el))),
    section("autoPart3", p7.el, p14.el, custom.el, customBlock),
    section("autoPart4", h("label", { class: "stack", for: "workflow-name" }, h("span", { class: "help" }, t("autoNameHelp")), name), nameError),
    h("div", { class: "pricing" }, h("h3", {}, t("previewTitle")), preview),
    status,
    h("div", { class: "actions" }, h("button", { class: "btn", type: "button", onclick: close }, t("cancel")), confirm),
  );
  formEl.addEventListener("input", () => void update());
  formEl.addEventListener("change", () => void update());
  submitOnce(formEl, confirm as HTMLButtonElement, status, () => void update(), async () => {
    // Confirm is enabled only while a preview is shown: what is sent is what the user read.
    const shown = current!;
    if (editing) {
      await api.replaceWorkflow(projectId, editing.region, editing.id, name.value, shown.cron, shown.rotation);
      toast(t("editDone", { name: name.value }), "ok");
    } else {
      const outcomes = await api.createAutoBackups(projectId, chosen().map((c) => c.id), name.value, shown.cron, shown.rotation);
      for (const o of outcomes) {
        toast(o.error ? t("autoFailed", { name: o.workflowName, error: o.error }) : t("autoCreated", { name: o.workflowName }), o.error ? "bad" : "ok");
      }
    }
    close();
    done();
  });
  dialog.replaceChildren(formEl);
  void update();
}

function previewParts(p: api.Preview, count: number, name: string): HTMLElement[] {
  const parts: HTMLElement[] = [h("p", { class: "sentence" }, scheduleSentence(p.described, p.rotation)), h("details", { class: "details" }, h("summary", {}, t("details")), h("p", { class: "cron" }, scheduleText(p.described, p.rotation)))];
  if (count > 1) parts.push(h("p", { class: "help" }, t("autoSeveral", { count: String(count), name })));
  parts.push(h("p", { class: "help" }, t("nextRunsTitle")), h("ul", { class: "runs" }, ...p.nextRuns.map((r) => h("li", {}, dateTime(r)))));
  if (p.dstShift) {
    const local = p.dstShift.slice(11, 16);
    parts.push(h("p", { class: "notice" }, t("warnDst", { date: dateTime(p.dstShift), time: local })));
  }
  if (p.businessHours) parts.push(h("p", { class: "notice" }, t("warnBusiness")));
  if (p.perBackupMonthly !== null && p.totalMonthly !== null && p.currency) {
    parts.push(h("p", {}, t("costLine", { each: money(p.perBackupMonthly, p.currency), keep: String(p.rotation), total: money(p.totalMonthly, p.currency) })));
  }
  return parts;
}

/** Asks before deleting `rows`, listing the exact backups that would go with them. */
export function confirmDeleteWorkflows(projectId: string, rows: api.WorkflowRow[], returnFocus: HTMLElement, done: () => void): void {
  const refs = rows.map((r) => ({ region: r.region, id: r.id }));
  modal(t("deleteWfTitle", { count: rows.length }), returnFocus, (dialog, close) => {
    const also = h("input", { type: "checkbox", id: "delete-wf-backups" }) as HTMLInputElement;
    const confirm = h("button", { class: "btn danger", id: "confirm-delete-workflows" }, t("deleteAction")) as HTMLButtonElement;
    const listBox = h("div", { id: "wf-backups", "aria-live": "polite" });
    let chosen = new Set<string>();
    let loaded: api.WorkflowBackups[] | null = null;
    also.addEventListener("change", async () => {
      if (!also.checked) {
        listBox.replaceChildren();
        return;
      }
      confirm.disabled = true;
      listBox.replaceChildren(h("p", { class: "loading", role: "status" }, t("wfBackupsLoading")));
      try {
        loaded = await api.workflowBackups(projectId, refs);
      } catch (e) {
        also.checked = false;
        listBox.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(e as api.ApiError)));
        confirm.disabled = false;
        return;
      }
      chosen = new Set(loaded.flatMap((w) => w.backups.map((b) => b.id)));
      listBox.replaceChildren(h("p", { class: "help" }, t("wfBackupsHow")), ...loaded.map((w) => workflowBackupList(w, chosen)));
      confirm.disabled = false;
    });
    confirm.addEventListener("click", async () => {
      confirm.disabled = true;
      try {
        const ids = also.checked && loaded ? [...chosen] : [];
        const report = await api.deleteWorkflows(projectId, refs, ids);
        toast(t("deleteWfDone", { count: report.workflowsDeleted.length }), report.problems.length ? "bad" : "ok");
        dialog.replaceChildren(...deletionReport(report), h("div", { class: "actions" }, h("button", { class: "btn primary", id: "close-report", onclick: close }, t("close"))));
        (dialog.querySelector("#close-report") as HTMLElement | null)?.focus();
      } catch (e) {
        toast(errorText(e as api.ApiError), "bad");
        close();
      }
      done();
    });
    dialog.append(
      h("h2", {}, t("deleteWfTitle", { count: rows.length })),
      h("ul", {}, ...rows.map((r) => h("li", {}, r.name))),
      h("p", {}, t("deleteWfKeep")),
      h("label", { class: "check" }, also, h("span", {}, t("deleteWfAlso"))),
      listBox,
      h("div", { class: "actions" }, h("button", { class: "btn", onclick: close }, t("cancel")), confirm),
    );
  });
}

/** The exact backups one workflow's deletion would delete, each one ticked to confirm. */
function workflowBackupList(w: api.WorkflowBackups, chosen: Set<string>): HTMLElement {
  if (!w.backups.length) return h("p", { class: "note" }, t("wfBackupsNone", { workflow: w.workflowName, base: w.backupName, region: w.region }));
  const total = () => {
    const picked = w.backups.filter((b) => chosen.has(b.id));
    const size = picked.reduce((a, b) => a + b.sizeGb, 0);
    const cost = picked.every((b) => b.monthly !== null) && w.currency ? money(picked.reduce((a, b) => a + (b.monthly ?? 0), 0), w.currency) : t("priceNotAvailable");
    return t("wfBackupsTotal", { count: picked.length, size: gb(size), cost });
  };
  const sum = h("p", { class: "total" }, total());
  return h(
    "fieldset",
    { class: "wf-backups", "data-workflow": w.workflowName },
    h("legend", {}, t("wfBackupsOf", { workflow: w.workflowName, base: w.backupName, region: w.region })),
    h(
      "ul",
      { class: "plain" },
      ...w.backups.map((b) => {
        const box = h("input", { type: "checkbox", checked: true, "data-backup": b.name }) as HTMLInputElement;
        box.addEventListener("change", () => {
          if (box.checked) chosen.add(b.id);
          else chosen.delete(b.id);
          sum.textContent = total();
        });
        return h(
          "li",
          {},
          h(
            "label",
            { class: "check" },
            box,
            h("span", {}, b.name, h("span", { class: "note" }, [b.createdAt ? dateTime(b.createdAt) : "—", gb(b.sizeGb), b.monthly !== null && w.currency ? t("monthlyCost", { cost: money(b.monthly, w.currency) }) : t("priceNotAvailable")].join(" · "))),
          ),
        );
      }),
    ),
    sum,
  );
}

/** What a deletion did: what is gone, and what is still billed. */
function deletionReport(r: api.DeletionReport): HTMLElement[] {
  const kept = r.kept;
  const size = kept.reduce((a, k) => a + (k.sizeGb ?? 0), 0);
  const parts: (HTMLElement | null)[] = [
    h("h2", {}, t("deleteReportTitle")),
    // In the report, not in toasts: a toast would sit behind this dialog, unseen.
    ...r.problems.map((p) => h("p", { class: "notice error not-deleted", role: "alert" }, t("deleteFailed", { name: p.workflow, reason: saidText(p.said) }))),
    h("p", { id: "deleted-summary" }, t("deleteReportDeleted", { workflows: r.workflowsDeleted.length, backups: r.backupsDeleted.length })),
    r.backupsDeleted.length ? h("ul", { class: "plain deleted" }, ...r.backupsDeleted.map((n) => h("li", {}, n))) : null,
    kept.length
      ? h("p", { id: "kept-summary" }, t("deleteReportKept", { count: kept.length, size: gb(size) }))
      : h("p", { id: "kept-summary" }, t("deleteReportNothingKept")),
    kept.length ? h("ul", { class: "plain kept" }, ...kept.map((k) => h("li", {}, k.refusal ? h("span", { class: "note warn" }, refusalText(k.name, k.refusal)) : k.name))) : null,
  ];
  return parts.filter((e): e is HTMLElement => e !== null);
}

