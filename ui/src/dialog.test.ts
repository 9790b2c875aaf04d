import { describe, expect, it } from "vitest";
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { Actions, Status, useSubmit } from "./dialog";

/** A form on `useSubmit`, as the dialogs build theirs. */
function Form({ action }: { action: () => Promise<void> }) {
  const { busy, said, onSubmit } = useSubmit(action);
  return h("form", { onSubmit }, h(Status, { said }), h(Actions, { close: () => {}, id: "go", label: "Confirm", ready: true, busy }));
}

function mount(action: () => Promise<void>) {
  const root = document.createElement("div");
  document.body.append(root);
  act(() => render(h(Form, { action }), root));
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
});
