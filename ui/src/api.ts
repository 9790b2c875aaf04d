// The only file that talks to the Rust side: one typed function per command.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { Lang } from "./i18n";

/** An error from a command, as the Rust side serializes it. */
export interface ApiError {
  kind: string;
  message: string;
}

export interface Session {
  demo: boolean;
  endpoint: string;
}

export interface Project {
  id: string;
  name: string;
}

export interface InstanceRow {
  id: string;
  name: string;
  region: string;
  model: string;
  status: string;
  diskGb: number | null;
  metal: boolean;
  iops: boolean;
}

/** Turns whatever a failed invoke throws into an ApiError. */
export function asApiError(e: unknown): ApiError {
  if (e && typeof e === "object" && "kind" in e && "message" in e) {
    return { kind: String((e as ApiError).kind), message: String((e as ApiError).message) };
  }
  return { kind: "unknown", message: String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asApiError(e);
  }
}

export const session = (): Promise<Session> => call("session");
export const listProjects = (): Promise<Project[]> => call("list_projects");
export const listInstances = (projectId: string): Promise<InstanceRow[]> =>
  call("list_instances", { projectId });

export interface Price {
  perGbMonth: number;
  currency: string;
  /** The catalog plan: snapshot.consumption, ….3AZ, ….LZ. */
  planCode: string;
}

/** Where backup prices come from: the account's country (GET /me) or the user's choice. */
export interface PriceCountry {
  subsidiary: string | null;
  source: "account" | "chosen" | "unknown";
  suggested: string;
  choices: string[];
}

export interface BackupForm {
  instanceId: string;
  instanceName: string;
  region: string;
  defaultName: string;
  diskGb: number | null;
  price: Price | null;
  estimateMonthly: number | null;
  metal: boolean;
  iops: boolean;
  busy: boolean;
}

export type BackupStatus = "inProgress" | "active" | "deleting" | "failed";

export interface BackupRow {
  id: string;
  name: string;
  region: string;
  sizeGb: number;
  minDiskGb: number;
  createdAt: string | null;
  status: BackupStatus;
  rawStatus: string;
  instanceId: string | null;
  instanceName: string | null;
  /** How the instance is known: the app's record (a fact), a name match (a hint), or not. */
  source: "recorded" | "nameHint" | "unknown";
  orphan: boolean;
  usedBy: string[];
}

export interface BackupList {
  rows: BackupRow[];
  /** Per region; a region missing here has no price ("price not available"). */
  prices: Record<string, Price>;
}

export interface DeleteOutcome {
  id: string;
  deleted: boolean;
  reason: string | null;
}

export interface Created {
  snapshotId: string;
  recovered: boolean;
}

export interface Ended {
  projectId: string;
  snapshotId: string;
  ok: boolean;
  title: string;
  body: string;
}

export interface Prefs {
  language: Lang | null;
  effectiveLanguage: Lang;
  systemLocale: string;
  quietSuccesses: boolean;
  startAtLogin: boolean;
  logsFolder: string | null;
}

export const settings = (): Promise<Prefs> => call("settings");
export const updateSettings = (change: { language?: string; quietSuccesses?: boolean; startAtLogin?: boolean }): Promise<Prefs> =>
  call("update_settings", { change });
export const takeSection = (): Promise<string | null> => call("take_section");
export const openLogsFolder = (): Promise<void> => call("open_logs_folder");
export const quit = (): Promise<void> => call("quit");
export const closeWindow = (): Promise<void> => call("close_window");
export const onConfirmQuit = (cb: () => void): Promise<UnlistenFn> => listen("app://confirm-quit", () => cb());
export const backupForm = (projectId: string, instanceId: string): Promise<BackupForm> =>
  call("backup_form", { projectId, instanceId });
export const createBackup = (
  projectId: string,
  instanceId: string,
  name: string,
  metalAcknowledged: boolean,
): Promise<Created> => call("create_backup", { projectId, instanceId, name, metalAcknowledged });
export const listBackups = (projectId: string): Promise<BackupList> => call("list_backups", { projectId });
export const deleteBackups = (projectId: string, ids: string[]): Promise<DeleteOutcome[]> =>
  call("delete_backups", { projectId, ids });
export const cancelBackup = (projectId: string, region: string, instanceId: string): Promise<void> =>
  call("cancel_backup", { projectId, region, instanceId });

/** Backups of a project changed: refetch what shows them. */
/** A tracked backup as the tracker last read it. */
export interface BackupState {
  id: string;
  status: BackupStatus;
  rawStatus: string;
  sizeGb: number;
}

export interface BackupsChanged {
  projectId: string;
  backups: BackupState[];
}

export const onBackupsChanged = (cb: (changed: BackupsChanged) => void): Promise<UnlistenFn> =>
  listen<BackupsChanged>("backups://changed", (e) => cb(e.payload));

/** A backup ended: show the in-app toast. */
export const onBackupEnded = (cb: (ended: Ended) => void): Promise<UnlistenFn> =>
  listen<Ended>("backups://ended", (e) => cb(e.payload));

export interface FlavorChoice {
  id: string;
  name: string;
  diskGb: number;
  ramMb: number;
  vcpus: number;
}

export interface RestoreOptions {
  backupId: string;
  backupName: string;
  region: string;
  createdAt: string | null;
  instanceId: string | null;
  instanceName: string | null;
  flavors: FlavorChoice[];
  sshKeys: { id: string; name: string }[];
  defaultName: string;
}

export interface NewInstanceSpec {
  name: string;
  flavorId: string;
  sshKeyId: string | null;
  monthlyBilling: boolean;
}

export const restoreOptions = (projectId: string, backupId: string): Promise<RestoreOptions> =>
  call("restore_options", { projectId, backupId });
export const restoreInPlace = (
  projectId: string,
  backupId: string,
  instanceId: string,
  typedName: string,
  safety: boolean,
): Promise<unknown> => call("restore_in_place", { projectId, backupId, instanceId, typedName, safety });
export const restoreNewInstance = (projectId: string, backupId: string, spec: NewInstanceSpec): Promise<unknown> =>
  call("restore_new_instance", { projectId, backupId, spec });

export type Repeat = { kind: "daily" } | { kind: "weekly"; days: number[] } | { kind: "monthly"; day: number };

export interface Plain {
  repeat: Repeat;
  hour: number;
  minute: number;
}

export interface Described {
  plain: Plain | null;
  localTime: string | null;
  zone: string;
  cron: string;
}

export interface Candidate {
  id: string;
  name: string;
  region: string;
  diskGb: number | null;
  metal: boolean;
  iops: boolean;
  workflows: string[];
}

export interface AutoForm {
  instances: Candidate[];
  zone: string;
  presetCron: string;
  price: Price | null;
}

export interface Choice {
  cron?: string | null;
  plain?: Plain | null;
  rotation: number;
}

export interface Preview {
  cron: string;
  rotation: number;
  described: Described;
  nextRuns: string[];
  dstShift: string | null;
  businessHours: boolean;
  perBackupMonthly: number | null;
  totalMonthly: number | null;
  currency: string | null;
}

export interface Outcome {
  instanceId: string;
  workflowName: string;
  error: string | null;
}

export interface Run {
  id: string;
  executedAt: string | null;
  state: string;
  stateInfo: string | null;
}

export interface WorkflowRow {
  id: string;
  name: string;
  region: string;
  instanceId: string;
  instanceName: string | null;
  cron: string;
  rotation: number | null;
  schedule: Described;
  nextRun: string | null;
  lastRun: Run | null;
  history: Run[];
}

export interface Covered {
  projectId: string;
  projectName: string;
  instanceId: string;
  instanceName: string;
  region: string;
  metal: boolean;
  workflow: string | null;
  schedule: Described | null;
  lastGoodBackup: string | null;
  protection: "ok" | "warning" | "unprotected";
}

export interface Told {
  ok: boolean;
  title: string;
  body: string;
}

export const autoBackupForm = (projectId: string): Promise<AutoForm> => call("auto_backup_form", { projectId });
export const previewSchedule = (projectId: string, instanceIds: string[], choice: Choice): Promise<Preview> =>
  call("preview_schedule", { projectId, instanceIds, choice });
export const createAutoBackups = (
  projectId: string,
  instanceIds: string[],
  name: string,
  cron: string,
  rotation: number,
): Promise<Outcome[]> => call("create_auto_backups", { projectId, instanceIds, name, cron, rotation });
export const listWorkflows = (projectId: string): Promise<WorkflowRow[]> => call("list_workflows", { projectId });
export interface PlannedBackup {
  id: string;
  name: string;
  createdAt: string | null;
  sizeGb: number;
  monthly: number | null;
}
export interface WorkflowBackups {
  workflowId: string;
  workflowName: string;
  region: string;
  backupName: string;
  currency: string | null;
  backups: PlannedBackup[];
}
export interface Kept {
  name: string;
  sizeGb: number | null;
  reason: string | null;
}
export interface DeletionReport {
  workflowsDeleted: string[];
  backupsDeleted: string[];
  kept: Kept[];
  problems: string[];
}
type WorkflowRef = { region: string; id: string };
/** The exact backups "delete with its backups" would delete, for the user to confirm. */
export const workflowBackups = (projectId: string, items: WorkflowRef[]): Promise<WorkflowBackups[]> => call("workflow_backups", { projectId, items });
/** Deletes the workflows, then only `backupIds` among the backups listed for them now. */
export const deleteWorkflows = (projectId: string, items: WorkflowRef[], backupIds: string[]): Promise<DeletionReport> =>
  call("delete_workflows", { projectId, items, backupIds });
export const refreshSchedules = (): Promise<void> => call("refresh_schedules");
export const priceCountry = (): Promise<PriceCountry> => call("price_country");
export interface RouteResult {
  route: string;
  calls: number;
  answered: number;
  records: number;
  refusals: Record<string, number>;
  failures: Record<string, number>;
  unreadable: [string, string, number][];
}
export interface CheckReport {
  routes: RouteResult[];
  text: string;
  problems: number;
}
/** How many list records OVH sent could not be read (left out of the lists). */
export const unreadableCount = (): Promise<number> => call("unreadable_count");
/** "Check my account": every route the app reads, read once; a report without values. */
export const checkAccount = (): Promise<CheckReport> => call("check_account");
/** Saves the report's text in Documents; returns the file's path. */
export const saveCheckReport = (text: string): Promise<string> => call("save_check_report", { text });
export const choosePriceCountry = (subsidiary: string): Promise<void> => call("choose_price_country", { subsidiary });
/** Every list is read again on the next look. */
export const refresh = (): Promise<void> => call("refresh");
export const protectionOverview = (): Promise<Covered[]> => call("protection_overview");

/** Workflows or their runs changed. */
export const onSchedulesChanged = (cb: () => void): Promise<UnlistenFn> => listen("schedules://changed", () => cb());

/** A scheduled run was told: show the in-app toast. */
export const onScheduleRun = (cb: (told: Told) => void): Promise<UnlistenFn> =>
  listen<Told>("schedules://run", (e) => cb(e.payload));

/** The tray asks to show a section. */
export const onNavigate = (cb: (section: string) => void): Promise<UnlistenFn> =>
  listen<string>("app://navigate", (e) => cb(e.payload));
export const replaceWorkflow = (projectId: string, region: string, id: string, name: string, cron: string, rotation: number): Promise<void> =>
  call("replace_workflow", { projectId, region, id, name, cron, rotation });

// Account: secrets go in as arguments and never come back.
export interface AccountStatus {
  demo: boolean;
  defaultEndpoint: string;
  waitingFor: string | null;
}

export interface AccessRule {
  method: string;
  path: string;
}

export type Feature = "browse" | "createBackups" | "cancelBackups" | "deleteBackups" | "restore" | "automaticBackups";

export interface AccountInfo {
  endpoint: string;
  method: "keys" | "serviceAccount";
  account: string;
  applicationKey: string | null;
  clientId: string | null;
  expiration: string | null;
  rules: AccessRule[] | null;
  missing: Feature[];
  projects: string[];
}

export interface ImportOffer {
  sources: string[];
  endpoint: string;
  method: "keys" | "serviceAccount";
}

export interface EndpointLinks {
  createApp: string | null;
  createToken: string | null;
}

export const accountStatus = (): Promise<AccountStatus> => call("account_status");
export const accountInfo = (): Promise<AccountInfo | null> => call("account_info");
export const endpointLinks = (endpoint: string): Promise<EndpointLinks> => call("endpoint_links", { endpoint });
export const importOffer = (): Promise<ImportOffer | null> => call("import_offer");
export const importAccount = (): Promise<AccountInfo> => call("import_account");
export const connectStart = (endpoint: string, applicationKey: string, applicationSecret: string): Promise<string> =>
  call("connect_start", { input: { endpoint, applicationKey, applicationSecret } });
export const connectWait = (): Promise<AccountInfo | null> => call("connect_wait");
export const connectCancel = (): Promise<void> => call("connect_cancel");
export const saveKeys = (endpoint: string, applicationKey: string, applicationSecret: string, consumerKey: string): Promise<AccountInfo> =>
  call("save_keys", { input: { endpoint, applicationKey, applicationSecret, consumerKey } });
export const saveServiceAccount = (endpoint: string, clientId: string, clientSecret: string): Promise<AccountInfo> =>
  call("save_service_account", { input: { endpoint, clientId, clientSecret } });
export const signOut = (): Promise<void> => call("sign_out");
export const openPage = (url: string): Promise<void> => call("open_page", { url });
