// Settings → Account as a component: the welcome screen with the three ways in (and an import
// offer), or who is connected with what rights, and sign-out. Typed secrets live only in the
// form's inputs, which leave the page as soon as the account is saved.
import { Fragment, h as vh, type ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import * as api from "./api";
import { dateTime, localeTag, t, type Key } from "./i18n";
import { errorText, toast } from "./dom";
import { Actions, openDialog, Status, useSubmit } from "./dialog";
import { Choice, useRead } from "./components";

type Way = "connect" | "keys" | "service";

/** What the view needs from the window: redraw everything after the account changed. */
export interface AccountHooks {
  connected: () => void;
  signedOut: () => void;
}

const REGIONS: [string, Key][] = [
  ["ovh-eu", "regionEu"],
  ["ovh-ca", "regionCa"],
  ["ovh-us", "regionUs"],
];

const WAYS: [Way, Key][] = [
  ["connect", "wayConnect"],
  ["keys", "wayKeys"],
  ["service", "wayService"],
];

/** The way in shown last: kept when the window is drawn again (after a language change). */
let lastWay: Way = "connect";

type Loaded = { demo: true; status: api.AccountStatus; offer: api.ImportOffer | null } | { demo: false; info: api.AccountInfo | null };

async function load(): Promise<Loaded> {
  const status = await api.accountStatus();
  if (status.demo) return { demo: true, status, offer: await api.importOffer() };
  return { demo: false, info: await api.accountInfo() };
}

export function Account({ hooks }: { hooks: AccountHooks }) {
  const { data, failure, retry } = useRead(load, []);
  const title = vh("h1", {}, t("accountTitle"));
  if (failure && !data)
    // The stored keys do not work: say why, and still offer to sign out and connect again.
    return vh(
      "div",
      {},
      title,
      vh("div", { class: "notice error", role: "alert" }, vh("p", {}, errorText(failure))),
      vh("div", { class: "actions start" }, vh(SignOut, { hooks }), vh("button", { class: "btn", onClick: retry }, t("retry"))),
    );
  if (!data) return vh("div", {}, title, vh("p", { class: "loading", role: "status" }, t("loadingAccount")));
  if (data.demo) return vh("div", {}, vh(Welcome, { status: data.status, offer: data.offer, hooks }), vh(CheckCard, {}));
  return vh("div", {}, title, data.info ? vh(Connected, { info: data.info, hooks }) : vh("p", {}, t("noAccount")), vh(CheckCard, {}));
}

function Welcome({ status, offer, hooks }: { status: api.AccountStatus; offer: api.ImportOffer | null; hooks: AccountHooks }) {
  const known = REGIONS.some(([code]) => code === status.defaultEndpoint);
  const [region, setRegion] = useState(known ? status.defaultEndpoint : REGIONS[0][0]);
  const [custom, setCustom] = useState(known ? "" : status.defaultEndpoint);
  const [way, setWay] = useState<Way>(lastWay);
  const [waiting, setWaiting] = useState<string | null>(status.waitingFor);
  const tabs = useRef<HTMLDivElement>(null);
  const arrowed = useRef(false);
  useEffect(() => {
    // Arrow keys move the focus with the tab; a click leaves it where it is.
    if (arrowed.current) tabs.current?.querySelector<HTMLElement>(`[data-way="${way}"]`)?.focus();
    arrowed.current = false;
  }, [way]);
  const choose = (w: Way) => {
    lastWay = w;
    setWay(w);
  };
  const endpoint = custom.trim() !== "" ? custom.trim() : region;
  const signIn = status.signIn.includes("*") || status.signIn.includes(endpoint);
  const arrow = (e: KeyboardEvent) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const i = WAYS.findIndex(([w]) => w === way);
    arrowed.current = true;
    choose(WAYS[(i + (e.key === "ArrowRight" ? 1 : WAYS.length - 1)) % WAYS.length][0]);
  };
  const ways = vh(
    Fragment,
    {},
    vh(
      "div",
      { class: "tabs", role: "tablist", "aria-label": t("waysIn"), ref: tabs, onKeyDown: arrow },
      WAYS.map(([w, label]) => vh("button", { key: w, class: "tab", role: "tab", type: "button", id: `way-${w}`, "data-way": w, "aria-selected": String(w === way), onClick: () => choose(w) }, t(label))),
    ),
    vh("div", { id: "way-panel", class: "way-panel", role: "tabpanel" }, vh(WayForm, { key: way, way, endpoint, hooks, waitFor: setWaiting })),
  );
  return vh(
    Fragment,
    {},
    vh("h1", {}, t("welcomeTitle")),
    vh("p", { class: "lead" }, t("welcomeText")),
    offer ? vh(ImportCard, { offer, hooks }) : null,
    vh(Choice, { id: "account-region", label: t("accountRegion"), value: region, options: REGIONS.map(([code, label]): [string, string] => [code, t(label)]), pick: setRegion }),
    vh(
      "details",
      { class: "advanced", open: !known },
      vh("summary", {}, t("advanced")),
      vh(
        "label",
        { class: "stack", for: "account-endpoint-url" },
        vh("span", {}, t("customEndpoint")),
        vh("input", {
          id: "account-endpoint-url",
          type: "url",
          placeholder: "https://eu.api.ovh.com/1.0",
          autocomplete: "off",
          spellcheck: false,
          value: custom,
          onChange: (e: Event) => setCustom((e.currentTarget as HTMLInputElement).value),
        }),
      ),
      vh("p", { class: "help" }, t("customEndpointHelp")),
    ),
    waiting ? vh("div", { id: "way-panel", class: "way-panel" }, vh(Waiting, { url: waiting, hooks })) : null,
    !waiting && signIn ? vh(SignIn, { endpoint, waitFor: setWaiting }) : null,
    // With an application built in, the key-based ways are for IT staff; without, they are the
    // ways in.
    waiting ? null : signIn ? vh("details", { class: "advanced", id: "for-it-staff" }, vh("summary", {}, t("forItStaff")), ways) : ways,
    vh("p", { class: "help" }, t("keyringPromise")),
  );
}

/** "Sign in with OVHcloud": the build's application asks for the access, the browser opens on
 * OVHcloud's page, and the wait that follows finishes by itself. */
function SignIn({ endpoint, waitFor }: { endpoint: string; waitFor: (url: string) => void }) {
  const sendTo = useRef(endpoint);
  sendTo.current = endpoint;
  const { busy, said, onSubmit } = useSubmit(async () => waitFor(await api.signIn(sendTo.current)), true, t("checking"));
  return vh(
    "form",
    { class: "way sign-in", onSubmit },
    vh("p", {}, t("signInText")),
    vh("div", { class: "actions start" }, vh("button", { class: "btn primary", id: "sign-in", type: "submit", disabled: busy }, busy ? t("sending") : t("signInButton"))),
    vh(Status, { said }),
  );
}

function ImportCard({ offer, hooks }: { offer: api.ImportOffer; hooks: AccountHooks }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const go = async () => {
    setBusy(true);
    setFailed(null);
    try {
      await api.importAccount();
      toast(t("connected"), "ok");
      hooks.connected();
    } catch (e) {
      setFailed(errorText(e as api.ApiError));
      setBusy(false);
    }
  };
  return vh(
    "section",
    { class: "card", id: "import-offer", "aria-labelledby": "import-title" },
    vh("h2", { id: "import-title" }, t("importTitle")),
    vh("p", {}, t(offer.method === "keys" ? "importKeysText" : "importServiceText", { sources: offer.sources.join(", "), endpoint: offer.endpoint })),
    vh("button", { class: "btn primary", id: "import-account", disabled: busy, onClick: () => void go() }, t("importButton")),
    vh("p", { class: failed ? "form-status error" : "form-status", role: "status" }, failed ?? (busy ? t("checking") : "")),
  );
}

function Link({ label, url, id }: { label: string; url: string | null; id?: string }) {
  if (!url) return null;
  return vh(
    "a",
    {
      id,
      href: url,
      class: "ext",
      onClick: (e: MouseEvent) => {
        e.preventDefault();
        void api.openPage(url);
      },
    },
    label,
  );
}

type WayProps = { way: Way; endpoint: string; hooks: AccountHooks; waitFor: (url: string) => void };

/** One way in. What is typed is read from the inputs when sent, never kept elsewhere. */
function WayForm({ way, endpoint, hooks, waitFor }: WayProps) {
  const inputs = useRef(new Map<string, HTMLInputElement>());
  // Read when sent: the region may change after the form was drawn.
  const sendTo = useRef(endpoint);
  sendTo.current = endpoint;
  const [links, setLinks] = useState<api.EndpointLinks | null>(null);
  useEffect(() => {
    let wanted = true;
    api.endpointLinks(endpoint).then(
      (l) => wanted && setLinks(l),
      () => wanted && setLinks(null),
    );
    return () => {
      wanted = false;
    };
  }, [endpoint]);
  const typed = (id: string) => inputs.current.get(id)?.value ?? "";
  const send: Record<Way, () => Promise<void>> = {
    connect: async () => waitFor(await api.connectStart({ endpoint: sendTo.current, applicationKey: typed("account-ak"), applicationSecret: typed("account-as") })),
    keys: async () => done(await api.saveKeys({ endpoint: sendTo.current, applicationKey: typed("keys-ak"), applicationSecret: typed("keys-as"), consumerKey: typed("keys-ck") }), hooks),
    service: async () => done(await api.saveServiceAccount({ endpoint: sendTo.current, clientId: typed("service-id"), clientSecret: typed("service-secret") }), hooks),
  };
  // One request per press: the keys are checked with OVHcloud before anything is kept.
  const { busy, said, onSubmit } = useSubmit(send[way], true, t("checking"));
  const input = (id: string, label: Key, secret: boolean) =>
    vh(
      "label",
      { class: "stack", for: id },
      vh("span", {}, t(label)),
      vh("input", {
        id,
        type: secret ? "password" : "text",
        autocomplete: "off",
        spellcheck: false,
        required: true,
        ref: (el: HTMLInputElement | null) => {
          if (el) inputs.current.set(id, el);
          else inputs.current.delete(id);
        },
      }),
    );
  const button = (id: string, label: Key) => vh("div", { class: "actions start" }, vh("button", { class: "btn primary", id, type: "submit", disabled: busy }, busy ? t("sending") : t(label)));
  let parts: ComponentChildren;
  if (way === "connect")
    parts = [
      vh("ol", { class: "steps" }, vh("li", {}, t("connectStep1")), vh("li", {}, t("connectStep2")), vh("li", {}, t("connectStep3"))),
      vh("p", { class: "links" }, vh(Link, { label: t("createAppLink"), url: links?.createApp ?? null })),
      input("account-ak", "applicationKey", false),
      input("account-as", "applicationSecret", true),
      button("connect", "connectButton"),
    ];
  else if (way === "keys")
    parts = [
      vh("p", {}, t("keysText")),
      vh("p", { class: "links" }, vh(Link, { label: t("createTokenLink"), url: links?.createToken ?? null })),
      input("keys-ak", "applicationKey", false),
      input("keys-as", "applicationSecret", true),
      input("keys-ck", "consumerKey", true),
      button("save-keys", "checkAndSave"),
    ];
  else parts = [vh("p", {}, t("serviceText")), input("service-id", "clientId", false), input("service-secret", "clientSecret", true), button("save-service-account", "checkAndSave")];
  return vh("form", { class: "way", onSubmit }, parts, vh(Status, { said }));
}

function done(info: api.AccountInfo, hooks: AccountHooks): void {
  toast(info.missing.length ? t("connectedLimited") : t("connected"), info.missing.length ? "info" : "ok", info.account);
  hooks.connected();
}

/** The visible wait for approval, with the page link again and Cancel. */
function Waiting({ url, hooks }: { url: string; hooks: AccountHooks }) {
  const cancel = useRef<HTMLButtonElement>(null);
  const [failed, setFailed] = useState<api.ApiError | null>(null);
  useEffect(() => {
    cancel.current?.focus();
    // Not dropped when the screen changes: an approval given meanwhile still opens the account.
    api.connectWait().then(
      (info) => (info ? done(info, hooks) : hooks.signedOut()),
      (e: api.ApiError) => setFailed(e),
    );
  }, [url]);
  if (failed)
    return vh(
      Fragment,
      {},
      vh("div", { class: "notice error", role: "alert" }, vh("p", {}, errorText(failed))),
      vh("div", { class: "actions start" }, vh("button", { class: "btn", onClick: () => hooks.signedOut() }, t("tryAgain"))),
    );
  return vh(
    Fragment,
    {},
    vh(
      "div",
      { class: "waiting", role: "status", "aria-live": "polite" },
      vh("span", { class: "spinner", "aria-hidden": "true" }),
      vh("div", {}, vh("p", {}, vh("strong", {}, t("waitingTitle"))), vh("p", {}, t("waitingText")), vh("p", {}, vh(Link, { label: t("openApprovalAgain"), url, id: "approval-link" }))),
    ),
    vh("div", { class: "actions start" }, vh("button", { class: "btn", id: "cancel-connect", type: "button", ref: cancel, onClick: () => void api.connectCancel() }, t("cancel"))),
  );
}

const FEATURE_KEYS: Record<api.Feature, Key> = {
  browse: "featureBrowse",
  createBackups: "featureCreate",
  cancelBackups: "featureCancel",
  deleteBackups: "featureDelete",
  restore: "featureRestore",
  automaticBackups: "featureAutomatic",
  volumeBackups: "featureVolumes",
};

function Connected({ info, hooks }: { info: api.AccountInfo; hooks: AccountHooks }) {
  const region = REGIONS.find(([c]) => c === info.endpoint);
  const rows: [Key, string][] = [
    ["accountName", info.account],
    ["accountRegion", region ? t(region[1]) : info.endpoint],
    ["accountMethod", t(info.method === "keys" ? "methodKeys" : "methodService")],
  ];
  if (info.applicationKey) rows.push(["applicationKey", info.applicationKey]);
  if (info.clientId) rows.push(["clientId", info.clientId]);
  rows.push(["accountExpiry", info.expiration ? dateTime(info.expiration) : t(info.method === "keys" ? "noExpiry" : "tokenRenewed")]);
  rows.push(["accountProjects", info.projects.length ? info.projects.join(", ") : t("noProjects")]);
  return vh(
    "section",
    { class: "card", id: "account-card", "aria-labelledby": "account-card-title" },
    vh("h2", { id: "account-card-title" }, t("connectedTitle")),
    vh("dl", { class: "facts" }, rows.map(([k, v]) => vh(Fragment, { key: k }, vh("dt", {}, t(k)), vh("dd", {}, v)))),
    info.missing.length
      ? vh("div", { class: "notice", role: "note", id: "missing-features" }, vh("p", {}, t("missingTitle")), vh("ul", {}, info.missing.map((f) => vh("li", { key: f }, t(FEATURE_KEYS[f])))), vh("p", {}, t("missingFix")))
      : null,
    vh(PriceCountry, {}),
    info.rules
      ? vh("details", { class: "rules" }, vh("summary", {}, t("rulesTitle", { count: String(info.rules.length) })), vh("ul", {}, info.rules.map((r, i) => vh("li", { key: i }, vh("code", {}, `${r.method} ${r.path}`)))))
      : vh("p", { class: "help" }, t("rulesIam")),
    vh("div", { class: "actions start" }, vh(SignOut, { hooks })),
  );
}

const SPECIAL_COUNTRIES: Record<string, Key> = { QC: "countryQC", WE: "countryWE", WS: "countryWS", ASIA: "countryASIA" };

/** A subsidiary's name in the current language ("United Kingdom", "Royaume-Uni"). */
export function countryName(code: string): string {
  const special = SPECIAL_COUNTRIES[code];
  if (special) return t(special);
  try {
    return new Intl.DisplayNames([localeTag()], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Where backup prices come from; a choice when OVH does not say the account's country. */
function PriceCountry() {
  const { data: c, failure } = useRead(() => api.priceCountry(), []);
  const [picked, setPicked] = useState<string | null>(null);
  const [said, setSaid] = useState("");
  const title = vh("h3", { id: "price-country-title" }, t("priceCountryTitle"));
  let body: ComponentChildren = null;
  if (failure && !c) body = vh("p", { class: "error" }, errorText(failure));
  else if (c && c.source === "account" && c.subsidiary) body = vh("p", {}, t("priceCountryFromAccount", { country: countryName(c.subsidiary) }));
  else if (c) {
    const value = picked ?? c.subsidiary ?? c.suggested;
    const save = async () => {
      try {
        await api.choosePriceCountry(value);
        setSaid(t("priceCountrySaved", { country: countryName(value) }));
      } catch (e) {
        setSaid(errorText(e as api.ApiError));
      }
    };
    body = [
      vh("p", {}, t(c.source === "chosen" ? "priceCountryChosen" : "priceCountryAsk")),
      vh(Choice, { id: "price-country-select", label: t("priceCountryLabel"), value, options: c.choices.map((code): [string, string] => [code, countryName(code)]), pick: setPicked, stack: true }),
      vh("div", { class: "actions start" }, vh("button", { class: "btn", id: "save-price-country", type: "button", onClick: () => void save() }, t("save"))),
      vh("p", { class: "form-status", role: "status" }, said),
    ];
  }
  return vh("section", { class: "price-country", id: "price-country", "aria-labelledby": "price-country-title" }, title, body);
}

/** "Check my account": a read-only tour of the API, reported without values to copy or save. */
function CheckCard() {
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<api.CheckReport | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [said, setSaid] = useState<ComponentChildren>("");
  const text = useRef<HTMLPreElement>(null);
  const run = async () => {
    setRunning(true);
    setFailed(null);
    setReport(null);
    setSaid("");
    try {
      setReport(await api.checkAccount());
    } catch (e) {
      setFailed(errorText(e as api.ApiError));
    }
    setRunning(false);
  };
  const copy = async (r: api.CheckReport) => {
    try {
      await navigator.clipboard.writeText(r.text);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(text.current!);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      document.execCommand("copy");
    }
    setSaid(t("reportCopied"));
  };
  const save = async (r: api.CheckReport) => {
    try {
      const path = await api.saveCheckReport(r.text);
      setSaid([t("reportSaved"), " ", vh("code", { id: "report-path" }, path)]);
    } catch (e) {
      setSaid(errorText(e as api.ApiError));
    }
  };
  let out: ComponentChildren = null;
  if (running) out = vh("p", { class: "loading", role: "status" }, t("checkRunning"));
  else if (failed) out = vh("p", { class: "error", role: "alert" }, failed);
  else if (report)
    out = [
      vh("p", { id: "check-summary" }, report.problems ? t("checkProblems", { count: report.problems }) : t("checkAllGood")),
      vh("pre", { id: "check-report", class: "report", tabindex: 0, ref: text }, report.text),
      vh(
        "div",
        { class: "actions start" },
        vh("button", { class: "btn", id: "copy-report", type: "button", onClick: () => void copy(report) }, t("copyReport")),
        vh("button", { class: "btn", id: "save-report", type: "button", onClick: () => void save(report) }, t("saveReport")),
      ),
      vh("p", { class: "form-status", role: "status", id: "report-status" }, said),
    ];
  return vh(
    "section",
    { class: "card", id: "check-card", "aria-labelledby": "check-title" },
    vh("h2", { id: "check-title" }, t("checkTitle")),
    vh("p", { class: "help" }, t("checkHelp")),
    vh("div", { class: "actions start" }, vh("button", { class: "btn", id: "check-account", type: "button", disabled: running, onClick: () => void run() }, t("checkAccount"))),
    vh("div", { id: "check-result", "aria-live": "polite" }, out),
  );
}

function SignOut({ hooks }: { hooks: AccountHooks }) {
  return vh("button", { class: "btn danger", id: "sign-out", type: "button", onClick: (e: MouseEvent) => confirmSignOut(e.currentTarget as HTMLElement, hooks) }, t("signOut"));
}

function confirmSignOut(returnFocus: HTMLElement, hooks: AccountHooks): void {
  openDialog(t("signOutTitle"), returnFocus, (close) => vh(SignOutDialog, { close, hooks }));
}

function SignOutDialog({ close, hooks }: { close: () => void; hooks: AccountHooks }) {
  const { busy, said, onSubmit } = useSubmit(async () => {
    await api.signOut();
    close();
    toast(t("signedOut"), "info");
    hooks.signedOut();
  });
  return vh(
    "form",
    { onSubmit },
    vh("h2", {}, t("signOutTitle")),
    vh("p", {}, t("signOutText")),
    vh(Status, { said }),
    vh(Actions, { close, id: "confirm-sign-out", label: t("signOut"), ready: true, busy, danger: true }),
  );
}
