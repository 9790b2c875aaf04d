// The only file that talks to the Rust side: one typed function per command. The types and the
// command and event names are generated from the Rust side (`make bindings`, ./bindings.ts).
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type * as b from "./bindings";
import { EVENTS } from "./bindings";

export type * from "./bindings";

/** Turns whatever a failed invoke throws into an ApiError. */
export function asApiError(e: unknown): b.ApiError {
  if (e && typeof e === "object" && "kind" in e && "said" in e) return e as unknown as b.ApiError;
  // Not a command's error (the webview itself failed): a defect, its detail kept for support.
  const message = String(e);
  return { kind: "system", said: { code: "internal", detail: message }, queryId: null, message };
}

async function call<T>(cmd: b.Command, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asApiError(e);
  }
}

function on<T>(event: (typeof EVENTS)[keyof typeof EVENTS], cb: (payload: T) => void): Promise<UnlistenFn> {
  return listen<T>(event, (e) => cb(e.payload));
}

export const session = (): Promise<b.Session> => call("session");
export const listProjects = (): Promise<b.Project[]> => call("list_projects");
export const listInstances = (projectId: string): Promise<b.InstanceRow[]> => call("list_instances", { projectId });

// Preferences and the window's life.
export const settings = (): Promise<b.Prefs> => call("settings");
export const updateSettings = (change: b.PrefsChange): Promise<b.Prefs> => call("update_settings", { change });
/** `null` follows the system's language. */
export const setLanguage = (language: b.Lang | null): Promise<b.Prefs> => call("set_language", { language });
export const takeSection = (): Promise<b.Target | null> => call("take_section");
export const openLogsFolder = (): Promise<void> => call("open_logs_folder");
export const quit = (): Promise<void> => call("quit");
export const closeWindow = (): Promise<void> => call("close_window");
export const onConfirmQuit = (cb: () => void): Promise<UnlistenFn> => on(EVENTS.confirmQuit, () => cb());
/** The tray or a notification asks to show something. */
export const onNavigate = (cb: (target: b.Target) => void): Promise<UnlistenFn> => on(EVENTS.navigate, cb);

// Backups.
export const backupForm = (projectId: string, instanceId: string): Promise<b.BackupForm> =>
  call("backup_form", { projectId, instanceId });
export const createBackup = (projectId: string, instanceId: string, name: string, metalAcknowledged: boolean, volumeIds: string[]): Promise<b.Created> =>
  call("create_backup", { projectId, instanceId, name, metalAcknowledged, volumeIds });
export const listBackups = (projectId: string): Promise<b.BackupList> => call("list_backups", { projectId });
export const deleteBackups = (projectId: string, ids: string[]): Promise<b.DeleteOutcome[]> =>
  call("delete_backups", { projectId, ids });
/** Deletes one volume part of a backup set alone. */
export const deleteBackupPart = (projectId: string, setId: string, partId: string): Promise<void> =>
  call("delete_backup_part", { projectId, setId, partId });
/** Restores one volume part of a set as a new volume attached to `instanceId`; in place of the
 * volume it was taken from when `inPlace` (that volume's name, as the user typed it) is given. */
export const restoreBackupPart = (projectId: string, setId: string, partId: string, instanceId: string, inPlace: string | null): Promise<void> =>
  call("restore_backup_part", { projectId, setId, partId, instanceId, inPlace });
export const cancelBackup = (projectId: string, region: string, instanceId: string): Promise<void> =>
  call("cancel_backup", { projectId, region, instanceId });
/** Tracked backups of a project changed state or size: update those rows in place. */
export const onBackupsChanged = (cb: (changed: b.BackupsChanged) => void): Promise<UnlistenFn> => on(EVENTS.backupsChanged, cb);
/** A backup or restore ended: show the in-app toast. */
export const onBackupEnded = (cb: (ended: b.Ended) => void): Promise<UnlistenFn> => on(EVENTS.backupEnded, cb);

// Restores.
export const restoreOptions = (projectId: string, backupId: string): Promise<b.RestoreOptions> =>
  call("restore_options", { projectId, backupId });
export const restoreInPlace = (projectId: string, backupId: string, instanceId: string, typedName: string, safety: boolean): Promise<b.Tracked> =>
  call("restore_in_place", { projectId, backupId, instanceId, typedName, safety });
export const restoreNewInstance = (projectId: string, backupId: string, spec: b.NewInstanceSpec): Promise<b.Tracked> =>
  call("restore_new_instance", { projectId, backupId, spec });

// Restore tests.
export const rehearsalForm = (projectId: string, backupId: string): Promise<b.RehearsalForm> =>
  call("rehearsal_form", { projectId, backupId });
/** `port` null: starting is the whole check. */
export const startRehearsal = (projectId: string, backupId: string, port: number | null, policyConfirmed: boolean): Promise<b.Plan> =>
  call("start_rehearsal", { projectId, backupId, port, policyConfirmed });
/** The backup "Test the latest backup" tests; null when the instance has none available. */
export const latestBackup = (projectId: string, instanceId: string): Promise<b.LatestBackup | null> =>
  call("latest_backup", { projectId, instanceId });
/** `hour` null removes the instance's monthly test. */
export const setMonthlyRehearsal = (projectId: string, instanceId: string, hour: number | null, port: number | null, policyConfirmed: boolean): Promise<b.Monthly | null> =>
  call("set_monthly_rehearsal", { projectId, instanceId, hour, port, policyConfirmed });
/** A restore test ended, or what one left was cleaned up: show the in-app toast. */
export const onRehearsalEnded = (cb: (told: b.Told) => void): Promise<UnlistenFn> => on(EVENTS.rehearsalEnded, cb);

// Automatic backups (OVH workflows).
export const autoBackupForm = (projectId: string): Promise<b.AutoForm> => call("auto_backup_form", { projectId });
export const previewSchedule = (projectId: string, instanceIds: string[], choice: b.Choice): Promise<b.Preview> =>
  call("preview_schedule", { projectId, instanceIds, choice });
export const createAutoBackups = (projectId: string, instanceIds: string[], name: string, cron: string, rotation: number): Promise<b.Outcome[]> =>
  call("create_auto_backups", { projectId, instanceIds, name, cron, rotation });
export const listWorkflows = (projectId: string): Promise<b.WorkflowRow[]> => call("list_workflows", { projectId });
/** The exact backups "delete with its backups" would delete, for the user to confirm. */
export const workflowBackups = (projectId: string, items: b.WorkflowRef[]): Promise<b.WorkflowBackups[]> =>
  call("workflow_backups", { projectId, items });
/** Deletes the workflows, then only `backupIds` among the backups listed for them now. */
export const deleteWorkflows = (projectId: string, items: b.WorkflowRef[], backupIds: string[]): Promise<b.DeletionReport> =>
  call("delete_workflows", { projectId, items, backupIds });
export const replaceWorkflow = (projectId: string, region: string, id: string, name: string, cron: string, rotation: number): Promise<void> =>
  call("replace_workflow", { projectId, region, id, name, cron, rotation });
export const refreshSchedules = (): Promise<void> => call("refresh_schedules");
/** Workflows or their runs changed. */
export const onSchedulesChanged = (cb: () => void): Promise<UnlistenFn> => on(EVENTS.schedulesChanged, () => cb());
/** A scheduled run was told: show the in-app toast. */
export const onScheduleRun = (cb: (told: b.Told) => void): Promise<UnlistenFn> => on(EVENTS.scheduleRun, cb);

// Prices, the overview, and the account check.
export const priceCountry = (): Promise<b.PriceCountry> => call("price_country");
export const choosePriceCountry = (subsidiary: string): Promise<void> => call("choose_price_country", { subsidiary });
export const protectionOverview = (): Promise<b.Overview> => call("protection_overview");
/** Every list is read again on the next look. */
export const refresh = (): Promise<void> => call("refresh");
/** How many list records OVH sent could not be read (left out of the lists). */
export const unreadableCount = (): Promise<number> => call("unreadable_count");
/** "Check my account": every route the app reads, read once; a report without values. */
export const checkAccount = (): Promise<b.CheckReport> => call("check_account");
/** Saves the report's text in Documents; returns the file's path. */
export const saveCheckReport = (text: string): Promise<string> => call("save_check_report", { text });

// Account: secrets go in as arguments and never come back.
export const accountStatus = (): Promise<b.AccountStatus> => call("account_status");
export const accountInfo = (): Promise<b.AccountInfo | null> => call("account_info");
export const endpointLinks = (endpoint: string): Promise<b.EndpointLinks> => call("endpoint_links", { endpoint });
export const importOffer = (): Promise<b.ImportOffer | null> => call("import_offer");
export const importAccount = (): Promise<b.AccountInfo> => call("import_account");
export const connectStart = (input: b.KeysInput): Promise<string> => call("connect_start", { input });
export const signIn = (endpoint: string): Promise<string> => call("sign_in", { endpoint });
/** Asks OVHcloud for the deletion restore tests need (same application); `connectWait` ends it. */
export const allowRehearsals = (): Promise<string> => call("allow_rehearsals");
export const connectWait = (): Promise<b.AccountInfo | null> => call("connect_wait");
export const connectCancel = (): Promise<void> => call("connect_cancel");
export const saveKeys = (input: b.KeysInput): Promise<b.AccountInfo> => call("save_keys", { input });
export const saveServiceAccount = (input: b.ServiceAccountInput): Promise<b.AccountInfo> => call("save_service_account", { input });
export const signOut = (): Promise<void> => call("sign_out");
export const openPage = (url: string): Promise<void> => call("open_page", { url });
