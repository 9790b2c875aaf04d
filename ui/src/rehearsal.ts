// Restore tests (rehearsals): the dialog that says what a test makes, costs and takes before
// Confirm, and the line that says how the newest test went.
import { h as vh } from "preact";
import { useState } from "preact/hooks";
import * as api from "./api";
import { dateAndTime, duration, money, t } from "./i18n";
import { errorText, toast } from "./dom";
import { Actions, Loaded, openDialog, Status, useSubmit } from "./dialog";
import { Choice } from "./components";

/** "Test this backup": reads what the test would do, then starts it on Confirm. */
export function rehearsalDialog(projectId: string, backupId: string, backupName: string, returnFocus: HTMLElement): void {
  const title = t("rehearsalTitle", { backup: backupName });
  openDialog(
    title,
    returnFocus,
    (close) =>
      vh(Loaded<api.RehearsalForm>, {
        title,
        read: () => api.rehearsalForm(projectId, backupId),
        loading: t("rehearsalLoading"),
        close,
        children: (form) => vh(Rehearsal, { projectId, form, title, close }),
      }),
    true,
  );
}

function Rehearsal({ projectId, form, title, close }: { projectId: string; form: api.RehearsalForm; title: string; close: () => void }) {
  const plan = form.plan;
  // "none": starting is the whole check; else the port the user's system answers on.
  const [port, setPort] = useState(plan?.port == null ? "none" : String(plan.port));
  const [confirmed, setConfirmed] = useState(form.monthly?.policyConfirmed ?? false);
  // "Every month" is offered where the backup's instance is known, as it was last set.
  const [monthly, setMonthly] = useState(form.monthly !== null);
  const [hour, setHour] = useState(String(form.monthly?.hour ?? 10));
  const allowed = form.access === "granted" || (form.access === "askUser" && confirmed);
  const ready = plan !== null && allowed && !form.busy;
  const { busy, said, onSubmit } = useSubmit(async () => {
    const chosen = port === "none" ? null : Number(port);
    await api.startRehearsal(projectId, form.backupId, chosen, confirmed);
    if (form.instanceId && (monthly || form.monthly)) await api.setMonthlyRehearsal(projectId, form.instanceId, monthly ? Number(hour) : null, chosen, confirmed);
    close();
    toast(t("rehearsalStarted", { backup: form.backupName }), "ok");
    if (monthly && !form.monthly) toast(t("rehearsalMonthlySaved", { instance: form.sourceName }), "ok");
  }, ready);
  const body = plan
    ? [
        vh("p", { id: "rehearsal-what" }, t("rehearsalWhat", { name: plan.temporaryName, region: plan.region, model: plan.flavor.name, instance: form.sourceName })),
        vh(
          "p",
          { class: "pricing", id: "rehearsal-cost" },
          plan.costAtMost !== null && plan.currency
            ? t("rehearsalCost", { cost: money(plan.costAtMost, plan.currency), minutes: plan.longestMinutes })
            : t("rehearsalCostUnknown", { model: plan.flavor.name, minutes: plan.longestMinutes }),
        ),
        vh(Choice, {
          id: "rehearsal-port",
          label: t("rehearsalPort"),
          stack: true,
          value: port,
          pick: setPort,
          options: [
            ["22", t("rehearsalPortSsh")],
            ["3389", t("rehearsalPortRdp")],
            ["none", t("rehearsalPortNone")],
          ],
        }),
      ]
    : [vh("p", { class: "notice error", id: "rehearsal-no-model" }, t("rehearsalNoModel", { region: form.region }))];
  return vh(
    "form",
    { onSubmit },
    vh("h2", {}, title),
    body,
    plan && form.instanceId
      ? vh(
          "div",
          { class: "monthly" },
          vh(
            "label",
            { class: "check" },
            vh("input", { type: "checkbox", id: "rehearsal-monthly", checked: monthly, onChange: (e: Event) => setMonthly((e.currentTarget as HTMLInputElement).checked) }),
            vh("span", {}, t("rehearsalMonthly", { instance: form.sourceName })),
          ),
          monthly
            ? vh(
                "select",
                { id: "rehearsal-hour", "aria-label": t("rehearsalMonthly", { instance: form.sourceName }), value: hour, onChange: (e: Event) => setHour((e.currentTarget as HTMLSelectElement).value) },
                Array.from({ length: 24 }, (_, h) => vh("option", { key: h, value: String(h) }, `${String(h).padStart(2, "0")}:00`)),
              )
            : null,
        )
      : null,
    form.access === "missing" ? vh(Allow, { close }) : null,
    form.access === "askUser"
      ? vh(
          "label",
          { class: "check" },
          vh("input", { type: "checkbox", id: "rehearsal-policy", checked: confirmed, onChange: (e: Event) => setConfirmed((e.currentTarget as HTMLInputElement).checked) }),
          vh("span", {}, t("rehearsalPolicy", { action: form.iamAction })),
        )
      : null,
    form.busy ? vh("p", { class: "notice", role: "status" }, t("rehearsalBusy")) : null,
    form.last ? vh("p", { class: "help" }, vh(RehearsalLine, { r: form.last })) : null,
    form.history.length
      ? vh(
          "details",
          { class: "advanced", id: "rehearsal-history" },
          vh("summary", {}, t("rehearsalHistory", { instance: form.sourceName })),
          vh(
            "ul",
            { class: "plain" },
            form.history.map((r) => vh("li", { key: `${r.backupId}/${r.at}` }, vh(RehearsalLine, { r }), vh("span", { class: "note" }, r.backupName))),
          ),
        )
      : null,
    vh(Status, { said }),
    vh(Actions, { close, id: "confirm-rehearsal", label: t("rehearsalConfirm"), ready, busy }),
  );
}

/** Keys without the deletion rule: ask OVHcloud for it, the user approves on OVHcloud's page. */
function Allow({ close }: { close: () => void }) {
  const [waiting, setWaiting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const allow = async () => {
    setFailure(null);
    setWaiting(true);
    try {
      await api.allowRehearsals();
      const info = await api.connectWait();
      if (info) {
        close();
        toast(t("rehearsalAllowed"), "ok");
      }
    } catch (e) {
      setFailure(errorText(e as api.ApiError));
    } finally {
      setWaiting(false);
    }
  };
  return vh(
    "div",
    { class: "notice error", id: "rehearsal-access" },
    vh("p", {}, t("rehearsalNeedsAccess")),
    waiting
      ? vh("p", { role: "status" }, t("rehearsalAllowWaiting"))
      : vh("button", { class: "btn", type: "button", id: "rehearsal-allow", onClick: () => void allow() }, t("rehearsalAllow")),
    failure ? vh("p", { role: "alert" }, failure) : null,
  );
}

/** How the newest test went: "Restore verified 3 Nov 2026 · 6 min · up to €0.01". */
export function RehearsalLine({ r }: { r: api.Rehearsed }) {
  const [date] = dateAndTime(r.at);
  const text = r.failed
    ? t("rehearsalFailedOn", { date })
    : r.costAtMost !== null && r.currency
      ? t("rehearsalVerified", { date, duration: duration(r.minutes * 60), cost: money(r.costAtMost, r.currency) })
      : t("rehearsalVerifiedNoPrice", { date, duration: duration(r.minutes * 60) });
  return vh("span", { class: r.failed ? "note attention rehearsal" : "note rehearsal", "data-rehearsal": r.failed ? "failed" : "passed" }, text);
}
