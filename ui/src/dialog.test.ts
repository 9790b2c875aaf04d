import { describe, expect, it } from "vitest";
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { Actions, Status, useSubmit } from "./dialog";
import { onShowBackups, setControlPanel } from "./dom";
import type { Place } from "./components";

/** A form on `useSubmit`, as the dialogs build theirs. */
function Form({ action, place }: { action: () => Promise<void>; place?: Place }) {
  const { busy, said, onSubmit } = useSubmit(action);
  return h("form", { onSubmit }, h(Status, { said, place }), h(Actions, { close: () => {}, id: "go", label: "Confirm", ready: true, busy }));
}

function mount(action: () => Promise<void>, place?: Place) {
  const root = document.createElement("div");
  document.body.append(root);
  act(() => render(h(Form, { action, place }), root));
  const form = root.querySelector("form")!;
  const submit = () => act(() => void form.dispatchEvent(new Event("submit", { cancelable: true })));
  return { root, submit, go: root.querySelector<HTMLButtonElement>("#go")! };
}

describe("useSubmit", () => {
  it("sends one request however often the form is submitted before the answer", async () => {
    let sent = 0;
    let answer!: () => void;
    const { submit, go } = mount(() => {
      sent++;
      return new Promise<void>((done) => (answer = done));
    });
    // Twice in one tick, before a render could disable Confirm: a double click.
    act(() => {
      go.form!.dispatchEvent(new Event("submit", { cancelable: true }));
      go.form!.dispatchEvent(new Event("submit", { cancelable: true }));
    });
    submit();
    expect(sent).toBe(1);
    expect(go.disabled).toBe(true);
    await act(async () => answer());
  });

  it("gives Confirm back after a failure, with the reason", async () => {
    let sent = 0;
    const { root, submit, go } = mount(async () => {
      sent++;
      throw { kind: "invalid", said: { code: "serverProblem", status: 503 }, queryId: null };
    });
    await act(async () => void go.form!.dispatchEvent(new Event("submit", { cancelable: true })));
    expect(go.disabled).toBe(false);
    expect(go.textContent).toBe("Confirm");
    expect(root.querySelector(".form-status")!.classList.contains("error")).toBe(true);
    submit();
    expect(sent).toBe(2);
  });

  it("offers a quota refusal's way out where it happened, and keeps OVH's words under Details", async () => {
    const shown: string[] = [];
    onShowBackups((projectId, region) => shown.push(`${projectId}/${region}`));
    setControlPanel("https://www.ovh.com/manager/");
    const quota = { kind: "refused", said: { code: "quota", ovh: "Quota exceeded for snapshots" }, queryId: null };
    const { root, go } = mount(async () => {
      throw quota;
    }, { projectId: "p1", region: "GRA11" });
    await act(async () => void go.form!.dispatchEvent(new Event("submit", { cancelable: true })));
    expect(root.querySelector(".form-status")!.textContent).toContain("a limit (quota) of the project is reached");
    expect(root.querySelector(".form-status")!.textContent).not.toContain("exceeded");
    expect(root.querySelector("details.ovh-said")!.textContent).toContain("Quota exceeded for snapshots");
    expect(root.querySelector("[data-remedy='quota-page']")).not.toBeNull();
    act(() => root.querySelector<HTMLButtonElement>("[data-remedy='show-backups']")!.click());
    expect(shown).toEqual(["p1/GRA11"]);
    setControlPanel(null);
  });

  it("offers no action for a plain refusal, whose words are already in its sentence", async () => {
    const { root, go } = mount(async () => {
      throw { kind: "refused", said: { code: "refused", ovh: "Invalid name" }, queryId: null };
    }, { projectId: "p1", region: "GRA11" });
    await act(async () => void go.form!.dispatchEvent(new Event("submit", { cancelable: true })));
    expect(root.querySelector(".form-status")!.textContent).toContain("Invalid name");
    expect(root.querySelector("[data-remedy]")).toBeNull();
    expect(root.querySelector("details.ovh-said")).toBeNull();
  });
});
