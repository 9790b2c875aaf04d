// Automatic backups' dialogs as components: the four-part "Create an automatic backup" form (also
// editing one), and deleting workflows with the exact list of their backups. Each keeps what the
// user chose in its own state, so a preview or a list arriving never undoes a tick or a keystroke.
import { Fragment, h, type ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import * as api from "./api";
import { refusalText } from "./backups";
import { errorText, saidText, toast } from "./dom";
import { Actions, Loaded, openDialog, Status, useFirstFocus, useSubmit } from "./dialog";
import { toggled } from "./components";
import { dateTime, gb, money, scheduleSentence, scheduleText, t, zoneCity, type Key } from "./i18n";

const NAME_RULE = /^[a-zA-Z0-9_.-]+$/;

/** The week as the form shows it: Monday first. */
const DAYS = [1, 2, 3, 4, 5, 6, 0];

/** One numbered part of the form, so the four steps read in order; `shown` unless folded into
 * the one sentence. */
function section(title: Key, shown: boolean, ...children: ComponentChildren[]) {
  return h("fieldset", { class: "part", hidden: !shown }, h("legend", {}, t(title)), ...children);
}

/** What a text, number or time field typed, for its state. */
const typed = (set: (value: string) => void) => (e: Event) => set((e.currentTarget as HTMLInputElement).value);

/** Opens the form; `preselect` is the instance it was opened from. `done` runs after creation.
 * With `editing`, the form changes that workflow instead (delete and recreate). */
export function autoBackupDialog(projectId: string, preselect: string | null, returnFocus: HTMLElement | null, done: () => void, editing: api.WorkflowRow | null = null): void {
  const title = editing ? t("editTitle", { name: editing.name }) : t("autoTitle");
  openDialog(
    title,
    returnFocus,
    (close) =>
      h(Loaded<api.AutoForm>, {
        title,
        read: () => api.autoBackupForm(projectId),
        loading: t("loadingInstances"),
        close,
        children: (form) => h(AutoForm, { form, title, projectId, preselect, editing, close, done }),
      }),
    true,
  );
}

type Preset = "7" | "14" | "custom";

/** The parts a one-sentence form opens on demand. */
type Part = "instances" | "schedule" | "name";
const PARTS: Part[] = ["instances", "schedule", "name"];

/** What the preview area shows: the schedule OVH would run (for `count` instances), that no
 * instance is ticked, or why the preview failed; nothing before the first answer. */
type Shown = { kind: "preview"; preview: api.Preview; count: number } | { kind: "none" } | { kind: "failed"; text: string } | null;

type AutoProps = {
  form: api.AutoForm;
  title: string;
  projectId: string;
  preselect: string | null;
  editing: api.WorkflowRow | null;
  close: () => void;
  done: () => void;
};

/** The form itself, once the instances are read: its choices are state, the preview follows them. */
function AutoForm({ form, title, projectId, preselect, editing, close, done }: AutoProps) {
  // Opens on the saved schedule as the user would describe it; the cron only when it cannot be.
  const plain = editing?.schedule.plain ?? null;
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(form.instances.filter((i) => i.id === preselect && !i.metal).map((i) => i.id)));
  const [preset, setPreset] = useState<Preset>(editing ? "custom" : "7");
  const [repeat, setRepeat] = useState<string>(plain?.repeat.kind ?? "daily");
  const [days, setDays] = useState<ReadonlySet<number>>(() => {
    const on = plain?.repeat.kind === "weekly" ? plain.repeat.days : [1, 2, 3, 4, 5];
    return new Set(DAYS.filter((d) => on.includes(d)));
  });
  const [dayOfMonth, setDayOfMonth] = useState(plain?.repeat.kind === "monthly" ? String(plain.repeat.day) : "1");
  const [time, setTime] = useState(plain ? `${String(plain.hour).padStart(2, "0")}:${String(plain.minute).padStart(2, "0")}` : "23:30");
  const [keep, setKeep] = useState(editing ? String(editing.rotation ?? 7) : "7");
  const [cron, setCron] = useState(editing && !plain ? editing.cron : "");
  // The raw cron is for IT staff: folded away, and open only when a saved schedule needs it.
  const [advancedOpen, setAdvancedOpen] = useState(editing !== null && !plain);
  // Named after the schedule and the first ticked instance ("weekly-web-1") until the user types
  // a name of their own.
  const [typedName, setTypedName] = useState<string | null>(editing ? editing.name : null);
  const [shown, setShown] = useState<Shown>(null);
  // Opened for one instance, the automatic backup is one sentence with its parts to change; a
  // part opens when asked for, its first control focused. Opened for none, or to edit, all show.
  const [open, setOpen] = useState<ReadonlySet<Part>>(() => new Set(preselect && !editing ? [] : PARTS));
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (focusNext.current) document.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = null;
  }, [open]);
  /** Opens `part` and focuses the control `focus` (a selector) once it shows. */
  const reveal = (part: Part, focus: string) => {
    focusNext.current = focus;
    setOpen((before) => toggled(before, [part], true));
  };
  const oneSentence = open.size < PARTS.length;
  /** "Change time" and "Change how many are kept" continue from the preset shown. */
  const customFromPreset = () => {
    if (preset === "custom") return;
    const p = form.preset.plain;
    if (p) setTime(`${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`);
    setKeep(preset);
    setPreset("custom");
  };

  // A change to the plain choices is what the user wants now: it replaces a cron typed before.
  const replan = <T>(set: (value: T) => void) => (value: T) => {
    set(value);
    setCron("");
  };

  const ids = form.instances.filter((i) => ticked.has(i.id)).map((i) => i.id);
  const choice = ((): api.Choice => {
    if (preset !== "custom") return { cron: form.presetCron, rotation: preset === "14" ? 14 : 7 };
    const [hh, mm] = (time || "00:00").split(":").map(Number);
    const r: api.Repeat = repeat === "weekly" ? { kind: "weekly", days: DAYS.filter((d) => days.has(d)) } : repeat === "monthly" ? { kind: "monthly", day: Number(dayOfMonth) } : { kind: "daily" };
    return { cron: cron.trim() || undefined, plain: { repeat: r, hour: hh, minute: mm }, rotation: Number(keep) };
  })();

  // Asked again whenever the choices change; an answer to choices changed since is dropped.
  useEffect(() => {
    if (ids.length === 0) {
      setShown({ kind: "none" });
      return;
    }
    let wanted = true;
    api.previewSchedule(projectId, ids, choice).then(
      (preview) => wanted && setShown({ kind: "preview", preview, count: ids.length }),
      (e: api.ApiError) => wanted && setShown({ kind: "failed", text: errorText(e) }),
    );
    return () => {
      wanted = false;
    };
  }, [JSON.stringify([ids, choice])]);

  // No instance ticked is said at once, not after the effect: Confirm must not outlive the tick.
  const view: Shown = ids.length === 0 ? { kind: "none" } : shown;
  const previewed = view?.kind === "preview" ? view : null;
  const cadence = preset !== "custom" ? "daily" : cron.trim() ? "backup" : repeat;
  const stem = (form.instances.find((i) => ticked.has(i.id)) ?? form.instances[0])?.nameStem ?? "";
  const name = typedName ?? `${cadence}-${stem}`;
  const nameOk = NAME_RULE.test(name);
  const ready = previewed !== null && nameOk;

  const { busy, said, onSubmit } = useSubmit(async () => {
    // Confirm is enabled only while a preview is shown: what is sent is what the user read.
    const sent = previewed!.preview;
    if (editing) {
      await api.replaceWorkflow(projectId, editing.region, editing.id, name, sent.cron, sent.rotation);
      toast(t("editDone", { name }), "ok");
    } else {
      const outcomes = await api.createAutoBackups(projectId, ids, name, sent.cron, sent.rotation);
      for (const o of outcomes) {
        toast(o.error ? t("autoFailed", { name: o.workflowName, error: o.error }) : t("autoCreated", { name: o.workflowName }), o.error ? "bad" : "ok");
      }
    }
    close();
    done();
  }, ready);

  const instances = form.instances.map((i) => {
    const note = i.metal ? t("autoMetal") : i.workflows.length ? t("autoAlready", { names: i.workflows.join(", ") }) : null;
    return h(
      "label",
      { key: i.id, class: "check instance-choice", "data-instance": i.name },
      h("input", {
        type: "checkbox",
        value: i.id,
        "data-name": i.name,
        checked: ticked.has(i.id),
        // A workflow belongs to one instance: editing keeps it.
        disabled: i.metal || editing !== null,
        onChange: (e: Event) => setTicked((before) => toggled(before, [i.id], (e.currentTarget as HTMLInputElement).checked)),
      }),
      h(
        "span",
        {},
        `${i.name} · ${i.region}`,
        note ? h("span", { class: "note" }, note) : null,
        // OVH's workflows copy the instance only: its volumes are said, never implied covered.
        i.volumes.length ? h("span", { class: "note warn auto-volumes" }, t("autoVolumesNote", { volumes: i.volumes.join(", ") })) : null,
      ),
    );
  });
  const radio = (value: Preset, label: string) =>
    h("label", { class: "check" }, h("input", { type: "radio", name: "preset", value, id: `preset-${value}`, checked: preset === value, onChange: () => setPreset(value) }), h("span", {}, label));
  const dayBoxes = DAYS.map((d) =>
    h(
      "label",
      { key: d, class: "check day" },
      h("input", {
        type: "checkbox",
        value: String(d),
        id: `day-${d}`,
        checked: days.has(d),
        onChange: (e: Event) => {
          const on = (e.currentTarget as HTMLInputElement).checked;
          replan(setDays)(toggled(days, [d], on));
        },
      }),
      h("span", {}, t(`day.${d}` as Key)),
    ),
  );
  const advanced = h(
    "details",
    { class: "advanced", open: advancedOpen, onToggle: (e: Event) => setAdvancedOpen((e.currentTarget as HTMLDetailsElement).open) },
    h("summary", {}, t("advanced")),
    h(
      "label",
      { class: "stack" },
      h("span", {}, t("advancedCron")),
      h("input", { type: "text", id: "advanced-cron", placeholder: "30 22 * * *", autocomplete: "off", spellcheck: false, value: cron, onInput: typed(setCron) }),
    ),
    h("p", { class: "help" }, t("advancedHelp")),
  );
  const customBlock = h(
    "div",
    { class: "custom", hidden: preset !== "custom" },
    h(
      "label",
      { class: "field" },
      h("span", {}, t("repeatLabel")),
      h(
        "select",
        {
          id: "repeat",
          value: repeat,
          onChange: (e: Event) => replan(setRepeat)((e.currentTarget as HTMLSelectElement).value),
        },
        h("option", { value: "daily" }, t("repeatDaily")),
        h("option", { value: "weekly" }, t("repeatWeekly")),
        h("option", { value: "monthly" }, t("repeatMonthly")),
      ),
    ),
    h("div", { class: "days", hidden: repeat !== "weekly" }, dayBoxes),
    h(
      "label",
      { class: "field dom", hidden: repeat !== "monthly" },
      h("span", {}, t("dayOfMonth")),
      h("input", { type: "number", id: "day-of-month", min: "1", max: "28", value: dayOfMonth, onInput: typed(replan(setDayOfMonth)) }),
    ),
    h(
      "label",
      { class: "field" },
      h("span", {}, t("atTime", { zone: zoneCity(form.zone) })),
      h("input", { type: "time", id: "schedule-time", value: time, onInput: typed(replan(setTime)) }),
    ),
    h("label", { class: "field" }, h("span", {}, t("keepLabel")), h("input", { type: "number", id: "keep", min: "1", max: "100", value: keep, onInput: typed(setKeep) })),
    advanced,
  );

  return h(
    "form",
    { onSubmit },
    h("h2", {}, title),
    editing ? h("p", { class: "notice" }, t("editNote")) : null,
    oneSentence ? h("p", { class: "help" }, t("autoWorkflowText"), " ", t("autoWorkflowNote")) : section("autoPart1", true, h("p", {}, t("autoWorkflowText")), h("p", { class: "help" }, t("autoWorkflowNote"))),
    section("autoPart2", open.has("instances"), h("div", { class: "instance-list", id: "auto-instances" }, instances)),
    section("autoPart3", open.has("schedule"), radio("7", scheduleSentence(form.preset, 7)), radio("14", scheduleSentence(form.preset, 14)), radio("custom", t("presetCustom")), customBlock),
    section(
      "autoPart4",
      open.has("name"),
      h(
        "label",
        { class: "stack", for: "workflow-name" },
        h("span", { class: "help" }, t("autoNameHelp")),
        h("input", { type: "text", id: "workflow-name", maxlength: "64", autocomplete: "off", value: name, onInput: typed(setTypedName) }),
      ),
      h("p", { class: "field-error", role: "alert" }, nameOk ? "" : t("autoNameBad")),
    ),
    h(
      "div",
      { class: "pricing" },
      h("h3", {}, t("previewTitle")),
      h(
        "div",
        { class: "preview", id: "schedule-preview", "aria-live": "polite" },
        view?.kind === "none"
          ? h("p", { class: "notice" }, t("autoNoInstance"))
          : view?.kind === "failed"
            ? h("p", { class: "notice error" }, view.text)
            : previewed
              ? previewParts(previewed.preview, previewed.count, name, oneSentence ? form.instances.filter((i) => ticked.has(i.id)).map((i) => i.name) : null)
              : null,
      ),
    ),
    oneSentence
      ? h(
          "div",
          { class: "actions start change-parts" },
          open.has("schedule")
            ? null
            : [
                h("button", { key: "time", class: "btn small", type: "button", id: "change-time", onClick: () => (customFromPreset(), reveal("schedule", "#schedule-time")) }, t("changeTime")),
                h("button", { key: "keep", class: "btn small", type: "button", id: "change-keep", onClick: () => (customFromPreset(), reveal("schedule", "#keep")) }, t("changeKeep")),
              ],
          open.has("instances") ? null : h("button", { class: "btn small", type: "button", id: "also-others", onClick: () => reveal("instances", "#auto-instances input:not(:checked):not(:disabled)") }, t("alsoOthers")),
          open.has("name") ? null : h("button", { class: "btn small", type: "button", id: "change-name", onClick: () => reveal("name", "#workflow-name") }, t("changeName")),
        )
      : null,
    h(Status, { said }),
    h(Actions, { close, id: "confirm-auto", ready, busy }),
  );
}

/** The schedule as OVH would run it, in words, next runs, warnings and cost. Each part keeps its
 * place (an absent one is a null), so the same `<details>` stays open across previews. */
function previewParts(p: api.Preview, count: number, name: string, lead: string[] | null) {
  const sentence = scheduleSentence(p.described, p.rotation);
  const cost =
    p.perBackupMonthly !== null && p.totalMonthly !== null && p.currency
      ? { line: h("p", { class: "cost" }, t("costLine", { each: money(p.perBackupMonthly, p.currency), keep: String(p.rotation), total: money(p.totalMonthly, p.currency) })), total: money(p.totalMonthly, p.currency) }
      : null;
  // The one sentence carries its total; the cost's detail goes under "Details" with the rest.
  const tail = lead && cost ? [" ", t("autoCostTail", { total: cost.total })] : [];
  return h(
    Fragment,
    {},
    h("p", { class: "sentence" }, lead ? [t("autoLead", { names: lead.join(", ") }), " ", sentence, ...tail] : sentence),
    h("details", { key: "details", class: "details" }, h("summary", {}, t("details")), h("p", { class: "cron" }, scheduleText(p.described, p.rotation)), lead ? cost?.line : null),
    count > 1 ? h("p", { class: "help" }, t("autoSeveral", { count: String(count), name })) : null,
    h("p", { class: "help" }, t("nextRunsTitle")),
    h(
      "ul",
      { class: "runs" },
      p.nextRuns.map((r, i) => h("li", { key: i }, dateTime(r))),
    ),
    p.dstShift ? h("p", { class: "notice" }, t("warnDst", { date: dateTime(p.dstShift), time: p.dstShift.slice(11, 16) })) : null,
    p.businessHours ? h("p", { class: "notice" }, t("warnBusiness")) : null,
    lead ? null : (cost?.line ?? null),
  );
}

/** Asks before deleting `rows`, listing the exact backups that would go with them. */
export function confirmDeleteWorkflows(projectId: string, rows: api.WorkflowRow[], returnFocus: HTMLElement, done: () => void): void {
  openDialog(t("deleteWfTitle", { count: rows.length }), returnFocus, (close) => h(DeleteWorkflows, { projectId, rows, close, done }));
}

/** The backups that would go too: not asked for, being read, unreadable, or read. */
type Backups = { state: "off" } | { state: "loading" } | { state: "failed"; text: string } | { state: "loaded"; list: api.WorkflowBackups[] };

type DeleteProps = { projectId: string; rows: api.WorkflowRow[]; close: () => void; done: () => void };

/** The question, then in the same dialog what the deletion did: nothing of it is a toast alone. */
function DeleteWorkflows({ projectId, rows, close, done }: DeleteProps) {
  const refs = rows.map((r) => ({ region: r.region, id: r.id }));
  const [also, setAlso] = useState(false);
  const [backups, setBackups] = useState<Backups>({ state: "off" });
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [report, setReport] = useState<api.DeletionReport | null>(null);
  // The list answers the last tick only: one read after the box was unticked, or the dialog
  // closed, is dropped.
  const asked = useRef(0);
  useEffect(
    () => () => {
      asked.current++;
    },
    [],
  );

  const tickAlso = async (on: boolean) => {
    const mine = ++asked.current;
    setAlso(on);
    if (!on) {
      setBackups({ state: "off" });
      return;
    }
    setBackups({ state: "loading" });
    try {
      const list = await api.workflowBackups(projectId, refs);
      if (mine !== asked.current) return;
      setChosen(new Set(list.flatMap((w) => w.backups.map((b) => b.id))));
      setBackups({ state: "loaded", list });
    } catch (e) {
      if (mine !== asked.current) return;
      setAlso(false);
      setBackups({ state: "failed", text: errorText(e as api.ApiError) });
    }
  };
  const tick = (id: string, on: boolean) => setChosen((before) => toggled(before, [id], on));

  // Confirm waits for the list: what is deleted with the workflows is what the user saw.
  const ready = backups.state !== "loading";
  // Closes only on failure (a toast); the report replaces the question otherwise.
  const { busy, onSubmit } = useSubmit(async () => {
    try {
      const ids = also && backups.state === "loaded" ? [...chosen] : [];
      const r = await api.deleteWorkflows(projectId, refs, ids);
      toast(t("deleteWfDone", { count: r.workflowsDeleted.length }), r.problems.length ? "bad" : "ok");
      setReport(r);
    } catch (e) {
      toast(errorText(e as api.ApiError), "bad");
      close();
    }
    done();
  }, ready);

  if (report) return h(DeletionDone, { report, close });
  return h(
    "form",
    { onSubmit },
    h("h2", {}, t("deleteWfTitle", { count: rows.length })),
    h(
      "ul",
      {},
      rows.map((r) => h("li", { key: r.id }, r.name)),
    ),
    h("p", {}, t("deleteWfKeep")),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", id: "delete-wf-backups", checked: also, onChange: (e: Event) => void tickAlso((e.currentTarget as HTMLInputElement).checked) }),
      h("span", {}, t("deleteWfAlso")),
    ),
    h(
      "div",
      { id: "wf-backups", "aria-live": "polite" },
      backups.state === "loading"
        ? h("p", { class: "loading", role: "status" }, t("wfBackupsLoading"))
        : backups.state === "failed"
          ? h("p", { class: "error", role: "alert" }, backups.text)
          : backups.state === "loaded"
            ? h(
                Fragment,
                {},
                h("p", { class: "help" }, t("wfBackupsHow")),
                backups.list.map((w) => h(WorkflowBackupList, { key: `${w.region}/${w.workflowId}`, w, chosen, tick })),
              )
            : null,
    ),
    h(Actions, { close, id: "confirm-delete-workflows", label: t("deleteAction"), ready, busy, danger: true }),
  );
}

type ListProps = { w: api.WorkflowBackups; chosen: ReadonlySet<string>; tick: (id: string, on: boolean) => void };

/** The exact backups one workflow's deletion would delete, each one ticked to confirm. */
function WorkflowBackupList({ w, chosen, tick }: ListProps) {
  if (!w.backups.length) return h("p", { class: "note" }, t("wfBackupsNone", { workflow: w.workflowName, base: w.backupName, region: w.region }));
  const picked = w.backups.filter((b) => chosen.has(b.id));
  const size = picked.reduce((a, b) => a + b.sizeGb, 0);
  const cost = picked.every((b) => b.monthly !== null) && w.currency ? money(picked.reduce((a, b) => a + (b.monthly ?? 0), 0), w.currency) : t("priceNotAvailable");
  return h(
    "fieldset",
    { class: "wf-backups", "data-workflow": w.workflowName },
    h("legend", {}, t("wfBackupsOf", { workflow: w.workflowName, base: w.backupName, region: w.region })),
    h(
      "ul",
      { class: "plain" },
      w.backups.map((b) =>
        h(
          "li",
          { key: b.id },
          h(
            "label",
            { class: "check" },
            h("input", { type: "checkbox", checked: chosen.has(b.id), "data-backup": b.name, onChange: (e: Event) => tick(b.id, (e.currentTarget as HTMLInputElement).checked) }),
            h(
              "span",
              {},
              b.name,
              h(
                "span",
                { class: "note" },
                [b.createdAt ? dateTime(b.createdAt) : "—", gb(b.sizeGb), b.monthly !== null && w.currency ? t("monthlyCost", { cost: money(b.monthly, w.currency) }) : t("priceNotAvailable")].join(" · "),
              ),
            ),
          ),
        ),
      ),
    ),
    h("p", { class: "total" }, t("wfBackupsTotal", { count: picked.length, size: gb(size), cost })),
  );
}

/** The report where the question was, its Close focused: the user reads it before going on. */
function DeletionDone({ report, close }: { report: api.DeletionReport; close: () => void }) {
  const first = useFirstFocus<HTMLButtonElement>();
  return h(
    Fragment,
    {},
    deletionReport(report),
    h("div", { class: "actions" }, h("button", { class: "btn primary", id: "close-report", type: "button", ref: first, onClick: close }, t("close"))),
  );
}

/** What a deletion did: what is gone, and what is still billed. */
function deletionReport(r: api.DeletionReport) {
  const kept = r.kept;
  const size = kept.reduce((a, k) => a + (k.sizeGb ?? 0), 0);
  return h(
    Fragment,
    {},
    h("h2", {}, t("deleteReportTitle")),
    // In the report, not in toasts: a toast would sit behind this dialog, unseen.
    r.problems.map((p, i) => h("p", { key: i, class: "notice error not-deleted", role: "alert" }, t("deleteFailed", { name: p.workflow, reason: saidText(p.said) }))),
    h("p", { id: "deleted-summary" }, t("deleteReportDeleted", { workflows: r.workflowsDeleted.length, backups: r.backupsDeleted.length })),
    r.backupsDeleted.length
      ? h(
          "ul",
          { class: "plain deleted" },
          r.backupsDeleted.map((n, i) => h("li", { key: i }, n)),
        )
      : null,
    kept.length ? h("p", { id: "kept-summary" }, t("deleteReportKept", { count: kept.length, size: gb(size) })) : h("p", { id: "kept-summary" }, t("deleteReportNothingKept")),
    kept.length
      ? h(
          "ul",
          { class: "plain kept" },
          kept.map((k, i) => h("li", { key: i }, k.refusal ? h("span", { class: "note warn" }, refusalText(k.name, k.refusal)) : k.name)),
        )
      : null,
  );
}
