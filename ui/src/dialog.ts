// Dialogs as components: each open dialog is a `<dialog>` holding a component with its own state,
// so what the user typed or ticked in it is untouched when the screen behind it updates; and the
// one submit-once helper every form uses.
import { Fragment, h, render, type ComponentChild, type ComponentChildren } from "preact";
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type * as api from "./api";
import { errorText } from "./dom";
import { t } from "./i18n";
import { ErrorBox, Remedy, remedyOf, useRead, type Place } from "./components";

/** Opens a modal dialog showing `content`, which gets the function that closes it. The component
 * is unmounted when the dialog closes (Escape included), and focus goes back to `returnFocus`. */
export function openDialog(label: string, returnFocus: HTMLElement | null, content: (close: () => void) => ComponentChild, wide = false): void {
  const dialog = document.createElement("dialog");
  dialog.className = wide ? "dialog wide" : "dialog";
  dialog.setAttribute("aria-label", label);
  const close = () => dialog.close();
  dialog.addEventListener("close", () => {
    render(null, dialog);
    dialog.remove();
    returnFocus?.focus();
  });
  document.body.append(dialog);
  // Open before the content mounts: a control inside a closed dialog is not rendered and cannot
  // take the focus its form gives it as it mounts.
  dialog.showModal();
  render(content(close), dialog);
  // What showModal does with content already there: a dialog whose form chose no control starts
  // on its first one.
  if (!dialog.contains(document.activeElement) || document.activeElement === dialog) {
    dialog.querySelector<HTMLElement>("button, input, select, textarea, a[href]")?.focus();
  }
}

/** What a form said below itself: what it is doing, or why it failed (and the failure, for its
 * advice). */
export type Said = { text: string; error: boolean; failure?: api.ApiError } | null;

/** A form's submit, sent once: until `action` answers, a second submit (a double click, Enter
 * pressed twice, Confirm enabled again by typing) sends nothing. `waiting` is said meanwhile; a
 * failure is said and gives the form back. On success the form stays `busy`: its dialog closes
 * or its screen moves on. `ready` is whether the form may be sent at all. */
export function useSubmit(action: () => Promise<void>, ready = true, waiting = "") {
  // A ref, not state: two submits in one tick both see the state of the last render.
  const sending = useRef(false);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said>(null);
  const onSubmit = async (e?: Event) => {
    e?.preventDefault();
    if (sending.current || !ready) return;
    sending.current = true;
    setBusy(true);
    setSaid(waiting ? { text: waiting, error: false } : null);
    try {
      await action();
    } catch (err) {
      sending.current = false;
      setBusy(false);
      setSaid({ text: errorText(err as api.ApiError), error: true, failure: err as api.ApiError });
    }
  };
  return { busy, said, onSubmit };
}

/** The line under a form that says what it is doing or why it failed, then what the failure's
 * advice offers (at `place`, where it happened). */
export function Status({ said, id, place }: { said: Said; id?: string; place?: Place }) {
  return h(
    Fragment,
    {},
    h("p", { class: said?.error ? "form-status error" : "form-status", role: "status", id }, said?.text ?? ""),
    said?.failure ? h(Remedy, { ...remedyOf(said.failure), place }) : null,
  );
}

/** A dialog's buttons: Cancel (or `cancel`), then the submit button `id`, which says "Sending…"
 * while `busy`. */
export function Actions(props: { close: () => void; id: string; label?: string; ready: boolean; busy: boolean; danger?: boolean; cancel?: string }) {
  const { close, id, label = t("confirm"), ready, busy, danger = false, cancel = t("cancel") } = props;
  return h(
    "div",
    { class: "actions" },
    h("button", { class: "btn", type: "button", onClick: close }, cancel),
    h("button", { class: danger ? "btn danger" : "btn primary", id, type: "submit", disabled: !ready || busy }, busy ? t("sending") : label),
  );
}

/** A dialog's content read from the app first: "loading" under `title` until `read` answers,
 * the failure with a Close button if it fails, then `children(answer)`. Read once: a form the
 * user is filling is not replaced when the cloud moves. */
export function Loaded<T>(props: { title: string; read: () => Promise<T>; loading: string; close: () => void; children: (answer: T) => ComponentChildren }) {
  const { title, read, loading, close, children } = props;
  const { data, failure } = useRead(read, [], undefined, false);
  if (failure) return h(Fragment, {}, h("h2", {}, title), h(ErrorBox, { failure, retry: close, retryLabel: t("close") }));
  if (data === null) return h(Fragment, {}, h("h2", {}, title), h("p", { class: "loading", role: "status" }, loading));
  return h(Fragment, {}, children(data));
}

/** A ref to the control that gets focus when its form first shows (its text selected). */
export function useFirstFocus<E extends HTMLInputElement | HTMLButtonElement>() {
  const ref = useRef<E>(null);
  // In the commit that shows the control, not a frame later: a key pressed as the form appears
  // goes into it.
  useLayoutEffect(() => {
    ref.current?.focus();
    if (ref.current instanceof HTMLInputElement && ref.current.type === "text") ref.current.select();
  }, []);
  return ref;
}
