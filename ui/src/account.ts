// Settings → Account: the welcome screen with the three ways in (and an import offer), or who
// is connected with what rights, and sign-out. Typed secrets live only in the form's inputs,
// which are removed as soon as the account is saved.
import * as api from "./api";
import { dateTime, localeTag, t, type Key } from "./i18n";
import { errorText, h, modal, submitOnce, toast } from "./dom";

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

const view = {
  way: "connect" as Way,
  /** Refreshes the current form's links for the chosen region, without touching what was typed. */
  refreshLinks: () => {},
};

export async function accountView(container: HTMLElement, hooks: AccountHooks): Promise<void> {
  container.replaceChildren(h("h1", {}, t("accountTitle")), h("p", { class: "loading", role: "status" }, t("loadingAccount")));
  try {
    const status = await api.accountStatus();
    if (status.demo) {
      const offer = await api.importOffer();
      container.replaceChildren(...welcome(status, offer, hooks), checkBox());
      if (status.waitingFor) void waitForApproval(container.querySelector<HTMLElement>("#way-panel")!, status.waitingFor, hooks);
      return;
    }
    const info = await api.accountInfo();
    container.replaceChildren(h("h1", {}, t("accountTitle")), info ? connectedCard(info, hooks) : h("p", {}, t("noAccount")), checkBox());
  } catch (e) {
    const err = e as api.ApiError;
    // The stored keys do not work: say why, and still offer to sign out and connect again.
    container.replaceChildren(
      h("h1", {}, t("accountTitle")),
      h("div", { class: "notice error", role: "alert" }, h("p", {}, errorText(err))),
      h("div", { class: "actions start" }, signOutButton(hooks), h("button", { class: "btn", onclick: () => void accountView(container, hooks) }, t("retry"))),
    );
  }
}

function welcome(status: api.AccountStatus, offer: api.ImportOffer | null, hooks: AccountHooks): HTMLElement[] {
  const region = h("select", { id: "account-region" });
  for (const [code, label] of REGIONS) {
    const opt = h("option", { value: code }, t(label));
    opt.selected = status.defaultEndpoint === code;
    region.append(opt);
  }
  const custom = h("input", { id: "account-endpoint-url", type: "url", placeholder: "https://eu.api.ovh.com/1.0", autocomplete: "off", spellcheck: "false" });
  const isCustom = !REGIONS.some(([code]) => code === status.defaultEndpoint);
  if (isCustom) custom.value = status.defaultEndpoint;
  const advanced = h("details", { class: "advanced" }, h("summary", {}, t("advanced")), h("label", { class: "stack", for: "account-endpoint-url" }, h("span", {}, t("customEndpoint")), custom), h("p", { class: "help" }, t("customEndpointHelp")));
  if (isCustom) advanced.open = true;
  const endpoint = () => (custom.value.trim() !== "" ? custom.value.trim() : region.value);

  const panel = h("div", { id: "way-panel", class: "way-panel", role: "tabpanel" });
  const tabs = h("div", { class: "tabs", role: "tablist", "aria-label": t("waysIn") });
  const ways: [Way, Key][] = [
    ["connect", "wayConnect"],
    ["keys", "wayKeys"],
    ["service", "wayService"],
  ];
  const show = () => {
    for (const b of tabs.querySelectorAll("button")) b.setAttribute("aria-selected", String(b.dataset.way === view.way));
    panel.replaceChildren(...wayForm(view.way, endpoint, hooks, panel));
  };
  for (const [way, label] of ways) {
    const b = h("button", { class: "tab", role: "tab", type: "button", id: `way-${way}`, "data-way": way, onclick: () => { view.way = way; show(); } }, t(label));
    tabs.append(b);
  }
  tabs.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const i = ways.findIndex(([w]) => w === view.way);
    view.way = ways[(i + (e.key === "ArrowRight" ? 1 : ways.length - 1)) % ways.length][0];
    show();
    tabs.querySelector<HTMLButtonElement>(`[data-way="${view.way}"]`)?.focus();
  });
  region.addEventListener("change", () => view.refreshLinks());
  custom.addEventListener("change", () => view.refreshLinks());
  show();

  return [
    h("h1", {}, t("welcomeTitle")),
    h("p", { class: "lead" }, t("welcomeText")),
    offer ? importCard(offer, hooks) : null,
    h("label", { class: "field" }, h("span", {}, t("accountRegion")), region),
    advanced,
    tabs,
    panel,
    h("p", { class: "help" }, t("keyringPromise")),
  ].filter((x): x is HTMLElement => x !== null);
}

function importCard(offer: api.ImportOffer, hooks: AccountHooks): HTMLElement {
  const status = h("p", { class: "form-status", role: "status" });
  const button = h("button", { class: "btn primary", id: "import-account" }, t("importButton"));
  button.addEventListener("click", async () => {
    button.disabled = true;
    status.textContent = t("checking");
    try {
      await api.importAccount();
      toast(t("connected"), "ok");
      hooks.connected();
    } catch (e) {
      status.textContent = errorText(e as api.ApiError);
      status.classList.add("error");
      button.disabled = false;
    }
  });
  return h(
    "section",
    { class: "card", id: "import-offer", "aria-labelledby": "import-title" },
    h("h2", { id: "import-title" }, t("importTitle")),
    h("p", {}, t(offer.method === "keys" ? "importKeysText" : "importServiceText", { sources: offer.sources.join(", "), endpoint: offer.endpoint })),
    button,
    status,
  );
}

function input(id: string, label: Key, secret: boolean): [HTMLElement, HTMLInputElement] {
  const el = h("input", { id, type: secret ? "password" : "text", autocomplete: "off", spellcheck: "false", required: true });
  return [h("label", { class: "stack", for: id }, h("span", {}, t(label)), el), el];
}

function link(label: string, url: string | null): HTMLElement | null {
  if (!url) return null;
  return h("a", { href: url, class: "ext", onclick: (e: Event) => { e.preventDefault(); void api.openPage(url); } }, label);
}

function wayForm(way: Way, endpoint: () => string, hooks: AccountHooks, panel: HTMLElement): HTMLElement[] {
  const status = h("p", { class: "form-status", role: "status" });
  const links = h("p", { class: "links" });
  view.refreshLinks = () =>
    void api.endpointLinks(endpoint()).then(
      (l) => links.replaceChildren(...[way === "keys" ? link(t("createTokenLink"), l.createToken) : link(t("createAppLink"), l.createApp)].filter((x): x is HTMLElement => x !== null)),
      () => links.replaceChildren(),
    );
  view.refreshLinks();
  // One request per press: the keys are checked with OVHcloud before anything is kept.
  const once = (form: HTMLFormElement, go: HTMLButtonElement, action: () => Promise<void>) =>
    submitOnce(form, go, status, () => (go.disabled = false), action, t("checking"));
  if (way === "connect") {
    const [akLabel, ak] = input("account-ak", "applicationKey", false);
    const [asLabel, as] = input("account-as", "applicationSecret", true);
    const go = h("button", { class: "btn primary", id: "connect", type: "submit" }, t("connectButton"));
    const form = h("form", { class: "way" }, h("ol", { class: "steps" }, h("li", {}, t("connectStep1")), h("li", {}, t("connectStep2")), h("li", {}, t("connectStep3"))), links, akLabel, asLabel, h("div", { class: "actions start" }, go), status);
    once(form, go, async () => {
      const url = await api.connectStart({ endpoint: endpoint(), applicationKey: ak.value, applicationSecret: as.value });
      await waitForApproval(panel, url, hooks);
    });
    return [form];
  }
  if (way === "keys") {
    const [akLabel, ak] = input("keys-ak", "applicationKey", false);
    const [asLabel, as] = input("keys-as", "applicationSecret", true);
    const [ckLabel, ck] = input("keys-ck", "consumerKey", true);
    const go = h("button", { class: "btn primary", id: "save-keys", type: "submit" }, t("checkAndSave"));
    const form = h("form", { class: "way" }, h("p", {}, t("keysText")), links, akLabel, asLabel, ckLabel, h("div", { class: "actions start" }, go), status);
    once(form, go, async () => done(await api.saveKeys({ endpoint: endpoint(), applicationKey: ak.value, applicationSecret: as.value, consumerKey: ck.value }), hooks));
    return [form];
  }
  const [idLabel, id] = input("service-id", "clientId", false);
  const [secretLabel, secret] = input("service-secret", "clientSecret", true);
  const go = h("button", { class: "btn primary", id: "save-service-account", type: "submit" }, t("checkAndSave"));
  const form = h("form", { class: "way" }, h("p", {}, t("serviceText")), idLabel, secretLabel, h("div", { class: "actions start" }, go), status);
  once(form, go, async () => done(await api.saveServiceAccount({ endpoint: endpoint(), clientId: id.value, clientSecret: secret.value }), hooks));
  return [form];
}

function done(info: api.AccountInfo, hooks: AccountHooks): void {
  toast(info.missing.length ? t("connectedLimited") : t("connected"), info.missing.length ? "info" : "ok", info.account);
  hooks.connected();
}

/** The visible wait for approval, with the page link again and Cancel. */
async function waitForApproval(panel: HTMLElement, url: string, hooks: AccountHooks): Promise<void> {
  const cancel = h("button", { class: "btn", id: "cancel-connect", type: "button", onclick: () => void api.connectCancel() }, t("cancel"));
  panel.replaceChildren(
    h(
      "div",
      { class: "waiting", role: "status", "aria-live": "polite" },
      h("span", { class: "spinner", "aria-hidden": "true" }),
      h("div", {}, h("p", {}, h("strong", {}, t("waitingTitle"))), h("p", {}, t("waitingText")), h("p", {}, h("a", { id: "approval-link", href: url, class: "ext", onclick: (e: Event) => { e.preventDefault(); void api.openPage(url); } }, t("openApprovalAgain")))),
    ),
    h("div", { class: "actions start" }, cancel),
  );
  cancel.focus();
  try {
    const info = await api.connectWait();
    if (info) done(info, hooks);
    else hooks.signedOut();
  } catch (e) {
    panel.replaceChildren(h("div", { class: "notice error", role: "alert" }, h("p", {}, errorText(e as api.ApiError))), h("div", { class: "actions start" }, h("button", { class: "btn", onclick: () => hooks.signedOut() }, t("tryAgain"))));
  }
}

const FEATURE_KEYS: Record<api.Feature, Key> = {
  browse: "featureBrowse",
  createBackups: "featureCreate",
  cancelBackups: "featureCancel",
  deleteBackups: "featureDelete",
  restore: "featureRestore",
  automaticBackups: "featureAutomatic",
};

function connectedCard(info: api.AccountInfo, hooks: AccountHooks): HTMLElement {
  const rows: [Key, string][] = [
    ["accountName", info.account],
    ["accountRegion", REGIONS.find(([c]) => c === info.endpoint) ? t(REGIONS.find(([c]) => c === info.endpoint)![1]) : info.endpoint],
    ["accountMethod", t(info.method === "keys" ? "methodKeys" : "methodService")],
  ];
  if (info.applicationKey) rows.push(["applicationKey", info.applicationKey]);
  if (info.clientId) rows.push(["clientId", info.clientId]);
  rows.push(["accountExpiry", info.expiration ? dateTime(info.expiration) : t(info.method === "keys" ? "noExpiry" : "tokenRenewed")]);
  rows.push(["accountProjects", info.projects.length ? info.projects.join(", ") : t("noProjects")]);
  return h(
    "section",
    { class: "card", id: "account-card", "aria-labelledby": "account-card-title" },
    h("h2", { id: "account-card-title" }, t("connectedTitle")),
    h("dl", { class: "facts" }, ...rows.flatMap(([k, v]) => [h("dt", {}, t(k)), h("dd", {}, v)])),
    info.missing.length
      ? h("div", { class: "notice", role: "note", id: "missing-features" }, h("p", {}, t("missingTitle")), h("ul", {}, ...info.missing.map((f) => h("li", {}, t(FEATURE_KEYS[f])))), h("p", {}, t("missingFix")))
      : null,
    priceCountryBox(),
    info.rules
      ? h("details", { class: "rules" }, h("summary", {}, t("rulesTitle", { count: String(info.rules.length) })), h("ul", {}, ...info.rules.map((r) => h("li", {}, h("code", {}, `${r.method} ${r.path}`)))))
      : h("p", { class: "help" }, t("rulesIam")),
    h("div", { class: "actions start" }, signOutButton(hooks)),
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
function priceCountryBox(): HTMLElement {
  const box = h("section", { class: "price-country", id: "price-country", "aria-labelledby": "price-country-title" }, h("h3", { id: "price-country-title" }, t("priceCountryTitle")));
  const draw = async () => {
    let c: api.PriceCountry;
    try {
      c = await api.priceCountry();
    } catch (e) {
      box.append(h("p", { class: "error" }, errorText(e as api.ApiError)));
      return;
    }
    const title = box.firstElementChild!;
    if (c.source === "account" && c.subsidiary) {
      box.replaceChildren(title, h("p", {}, t("priceCountryFromAccount", { country: countryName(c.subsidiary) })));
      return;
    }
    const select = h("select", { id: "price-country-select" }, ...c.choices.map((code) => h("option", { value: code }, countryName(code)))) as HTMLSelectElement;
    select.value = c.subsidiary ?? c.suggested;
    const status = h("p", { class: "form-status", role: "status" });
    const save = h("button", { class: "btn", id: "save-price-country", type: "button" }, t("save"));
    save.addEventListener("click", async () => {
      try {
        await api.choosePriceCountry(select.value);
        status.textContent = t("priceCountrySaved", { country: countryName(select.value) });
      } catch (e) {
        status.textContent = errorText(e as api.ApiError);
      }
    });
    box.replaceChildren(
      title,
      h("p", {}, t(c.source === "chosen" ? "priceCountryChosen" : "priceCountryAsk")),
      h("label", { class: "stack", for: "price-country-select" }, h("span", {}, t("priceCountryLabel")), select),
      h("div", { class: "actions start" }, save),
      status,
    );
  };
  void draw();
  return box;
}

/** "Check my account": a read-only tour of the API, reported without values to copy or save. */
function checkBox(): HTMLElement {
  const run = h("button", { class: "btn", id: "check-account", type: "button" }, t("checkAccount"));
  const out = h("div", { id: "check-result", "aria-live": "polite" });
  run.addEventListener("click", async () => {
    (run as HTMLButtonElement).disabled = true;
    out.replaceChildren(h("p", { class: "loading", role: "status" }, t("checkRunning")));
    try {
      const report = await api.checkAccount();
      const text = h("pre", { id: "check-report", class: "report", tabindex: "0" }, report.text);
      const status = h("p", { class: "form-status", role: "status", id: "report-status" });
      const copy = h("button", { class: "btn", id: "copy-report", type: "button" }, t("copyReport"));
      copy.addEventListener("click", async () => {
        try {
          await navigator.clipboard.writeText(report.text);
        } catch {
          const range = document.createRange();
          range.selectNodeContents(text);
          const sel = window.getSelection();
          sel?.removeAllRanges();
          sel?.addRange(range);
          document.execCommand("copy");
        }
        status.textContent = t("reportCopied");
      });
      const save = h("button", { class: "btn", id: "save-report", type: "button" }, t("saveReport"));
      save.addEventListener("click", async () => {
        try {
          const path = await api.saveCheckReport(report.text);
          status.replaceChildren(t("reportSaved"), " ", h("code", { id: "report-path" }, path));
        } catch (e) {
          status.textContent = errorText(e as api.ApiError);
        }
      });
      out.replaceChildren(
        h("p", { id: "check-summary" }, report.problems ? t("checkProblems", { count: report.problems }) : t("checkAllGood")),
        text,
        h("div", { class: "actions start" }, copy, save),
        status,
      );
    } catch (e) {
      out.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(e as api.ApiError)));
    }
    (run as HTMLButtonElement).disabled = false;
  });
  return h("section", { class: "card", id: "check-card", "aria-labelledby": "check-title" }, h("h2", { id: "check-title" }, t("checkTitle")), h("p", { class: "help" }, t("checkHelp")), h("div", { class: "actions start" }, run), out);
}

function signOutButton(hooks: AccountHooks): HTMLButtonElement {
  const button = h("button", { class: "btn danger", id: "sign-out", type: "button" }, t("signOut"));
  button.addEventListener("click", () =>
    modal(t("signOutTitle"), button, (dialog, close) => {
      const confirm = h("button", { class: "btn danger", id: "confirm-sign-out", type: "button" }, t("signOut"));
      const status = h("p", { class: "form-status", role: "status" });
      confirm.addEventListener("click", async () => {
        confirm.disabled = true;
        try {
          await api.signOut();
          close();
          toast(t("signedOut"), "info");
          hooks.signedOut();
        } catch (e) {
          status.textContent = errorText(e as api.ApiError);
          status.classList.add("error");
          confirm.disabled = false;
        }
      });
      dialog.append(h("h2", {}, t("signOutTitle")), h("p", {}, t("signOutText")), status, h("div", { class: "actions" }, h("button", { class: "btn", type: "button", onclick: close }, t("cancel")), confirm));
    }),
  );
  return button;
}
