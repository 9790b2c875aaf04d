import { describe, expect, it } from "vitest";
import { submitOnce } from "./dom";

describe("submitOnce", () => {
  it("sends one request however often the form is submitted, even when typing enables Confirm again", async () => {
    const form = document.createElement("form");
    const confirm = document.createElement("button");
    const status = document.createElement("p");
    form.append(confirm);
    let sent = 0;
    let answer!: () => void;
    const refresh = () => (confirm.disabled = false);
    submitOnce(form, confirm, status, refresh, () => {
      sent++;
      return new Promise<void>((done) => (answer = done));
    });
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    refresh();
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(sent).toBe(1);
    answer();
    await Promise.resolve();
  });

  it("gives Confirm back after a failure, with the reason", async () => {
    const form = document.createElement("form");
    const confirm = document.createElement("button");
    confirm.textContent = "Confirm";
    const status = document.createElement("p");
    let sent = 0;
    submitOnce(form, confirm, status, () => (confirm.disabled = false), async () => {
      sent++;
      throw { kind: "invalid", said: { code: "serverProblem", status: 503 }, queryId: null };
    });
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(confirm.disabled).toBe(false);
    expect(confirm.textContent).toBe("Confirm");
    expect(status.classList.contains("error")).toBe(true);
    form.dispatchEvent(new Event("submit", { cancelable: true }));
    expect(sent).toBe(2);
  });
});
