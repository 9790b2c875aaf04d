// Generated from the Rust types by `make bindings` (src-tauri/src/contract.rs): do not edit.
// A test fails when this file and the Rust side differ.

/**
 * Whether the connection may delete a temporary instance, known before anything is made.
 */
export type Access = "granted" | "missing" | "askUser";

/**
 * `auth.AccessRule` / `auth.AccessRuleRequest`.
 */
export type AccessRule = { method: string, path: string, };

/**
 * Who is connected, as the Account screen shows it. Holds no secret.
 */
export type AccountInfo = { 
/**
 * `ovh-eu`, `ovh-ca`, `ovh-us` or a URL.
 */
endpoint: string, method: Method, 
/**
 * The OVHcloud account (NIC handle).
 */
account: string, 
/**
 * The application key (not a secret), so the user can find it in OVHcloud's lists.
 */
applicationKey: string | null, clientId: string | null, 
/**
 * When the consumer key stops working; `None` for unlimited or unknown.
 */
expiration: string | null, 
/**
 * The rules granted; `None` when OVH does not say (service accounts use IAM policies).
 */
rules: Array<AccessRule> | null, 
/**
 * Features the granted rules leave out.
 */
missing: Array<Feature>, 
/**
 * Projects visible with these keys, by name.
 */
projects: Array<string>, };

/**
 * What the Account screen shows.
 */
export type AccountStatus = { demo: boolean, 
/**
 * `OVH_ENDPOINT`, or `ovh-eu`: the region preselected when connecting.
 */
defaultEndpoint: string, 
/**
 * Whether a "Connect" request is waiting for approval (its page URL).
 */
waitingFor: string | null, 
/**
 * The endpoints "Sign in with OVHcloud" works on (`ovh-eu`...), `*` for every one: those
 * this build carries an application for.
 */
signIn: Array<string>, };

/**
 * What a failed command sends the window.
 */
export type ApiError = { kind: ErrorKind, 
/**
 * What to tell the user, worded by the window in the user's language.
 */
said: Said, 
/**
 * OVH's id of the failed request, which its support asks for.
 */
queryId: string | null, 
/**
 * The same in English, one line (for logs and reports).
 */
message: string, };

/**
 * Why a scheduled instance needs attention, so the overview can say it and offer the fix.
 */
export type Attention = "lastRunFailed" | "overdue" | "rehearsalFailed";

/**
 * What the form needs before the user chooses.
 */
export type AutoForm = { instances: Array<Candidate>, zone: string, 
/**
 * The panel's presets for this form: a cron in its 22:00–06:00 UTC window.
 */
presetCron: string, 
/**
 * The presets' schedule in words, so that they say when they run.
 */
preset: Described, price: Price | null, };

/**
 * What the "Create a backup" form needs to show before Confirm.
 */
export type BackupForm = { instanceId: string, instanceName: string, region: string, 
/**
 * The moment the form's default name is made from (the connection's clock), which the
 * window words in the user's language: "api-gateway – 30 Nov, 08:32".
 */
namedAt: string, diskGb: number | null, price: Price | null, 
/**
 * Disk size × price per GB per month: an upper bound, the backup holds only used data.
 */
estimateMonthly: number | null, metal: boolean, iops: boolean, 
/**
 * A backup of this instance is already in progress or being requested.
 */
busy: boolean, 
/**
 * The project's name when OVH reports it suspended (said, nothing refused on its account).
 */
suspendedProject: string | null, 
/**
 * How OVH reports the instance's region, when not plainly up (said, nothing refused).
 */
regionState: RegionState | null, 
/**
 * The instance's additional volumes, offered ticked: each gets its part of the set.
 */
volumes: Array<VolumeChoice>, 
/**
 * The volumes could not be listed: the dialog says the backup covers the instance only.
 */
volumesUnknown: boolean, 
/**
 * Volume snapshot storage per GB per month, when the catalog and region say it.
 */
volumePrice: Price | null, };

/**
 * Instance Backup rows plus what the tracker knows.
 */
export type BackupList = { rows: Array<BackupRow>, 
/**
 * Per region; a region without a price is absent ("price not available").
 */
prices: { [key in string]: Price }, 
/**
 * The newest restore test of each backup tested.
 */
rehearsals: { [key in string]: Rehearsed }, 
/**
 * Volume snapshot prices, for the regions of backup sets; absent: "price not available".
 */
volumePrices: { [key in string]: Price }, };

/**
 * One row of Instance Backup.
 */
export type BackupRow = { id: string, name: string, region: string, sizeGb: number, minDiskGb: number, createdAt: string | null, status: BackupStatus, 
/**
 * OVH's raw status, for what the classification leaves out.
 */
rawStatus: string, 
/**
 * The source instance, recorded or hinted (see `source`).
 */
instanceId: string | null, instanceName: string | null, source: BackupSource, 
/**
 * Whether the recorded source instance no longer exists (the backup is still billed).
 */
orphan: boolean, 
/**
 * Running instances booted from this backup: it can't be deleted while they run.
 */
usedBy: Array<string>, 
/**
 * Why it cannot be deleted now; `None` when it can. Decided here only ([`refusal`]), the
 * same way the deletion decides.
 */
refusal: Refusal | null, 
/**
 * While in progress: roughly how long OVH takes to make it, from its creation ([`expected_secs`]).
 */
expectedSecs: number | null, 
/**
 * A backup set's volume parts (issue 20), from the app's record; empty for a plain backup.
 */
parts: Array<PartRow>, };

/**
 * How the app knows which instance a backup was taken of.
 */
export type BackupSource = "recorded" | "nameHint" | "unknown";

/**
 * A tracked backup as the tracker last read it.
 */
export type BackupState = { id: string, status: BackupStatus, rawStatus: string, sizeGb: number, };

/**
 * What a snapshot's free-form `status` means for a user.
 */
export type BackupStatus = "inProgress" | "active" | "deleting" | "failed";

export type BackupsChanged = { projectId: string, backups: Array<BackupState>, };

/**
 * One instance the form can schedule.
 */
export type Candidate = { id: string, name: string, region: string, diskGb: number | null, metal: boolean, iops: boolean, 
/**
 * Names of workflows already covering it.
 */
workflows: Array<string>, 
/**
 * Its name in the characters a workflow name allows ([`schedule::name_stem`]): the form
 * names the automatic backup after its schedule and this, "weekly-web-1".
 */
nameStem: string, 
/**
 * Its additional volumes, by name: OVH's workflows back up the instance only, so the form
 * says these are not included (issue 20).
 */
volumes: Array<string>, };

/**
 * The whole tour.
 */
export type CheckReport = { routes: Array<RouteResult>, 
/**
 * The report as text, for "Copy report" and "Save report".
 */
text: string, problems: number, };

/**
 * A schedule as chosen in the form: a raw cron (presets, "advanced") or a plain schedule.
 */
export type Choice = { cron?: string, plain?: Plain, rotation: number, };

/**
 * Where the account's country comes from.
 */
export type CountrySource = "account" | "chosen" | "unknown";

/**
 * One row of the protection overview.
 */
export type Covered = { projectId: string, projectName: string, instanceId: string, instanceName: string, region: string, metal: boolean, workflow: string | null, schedule: Described | null, lastGoodBackup: string | null, protection: Protection, 
/**
 * Set exactly when `protection` is `Warning`.
 */
attention: Attention | null, 
/**
 * What OVH said of the failed last run, when `attention` is `LastRunFailed`.
 */
failure: RunFailure | null, 
/**
 * OVH reports the instance's project suspended.
 */
projectSuspended: boolean, 
/**
 * The newest restore rehearsal of its backups.
 */
rehearsal: Rehearsed | null, 
/**
 * Its additional volumes that its newest available backup does not hold (OVH's automatic
 * backups never do): "volumes not protected" (issue 20).
 */
unprotectedVolumes: Array<string>, };

/**
 * A started backup, for the window.
 */
export type Created = { snapshotId: string, recovered: boolean, };

/**
 * The answer to one delete in a batch.
 */
export type DeleteOutcome = { id: string, deleted: boolean, 
/**
 * Why it was not deleted.
 */
refusal: Refusal | null, };

/**
 * What deleting workflows did.
 */
export type DeletionReport = { workflowsDeleted: Array<string>, backupsDeleted: Array<string>, kept: Array<Kept>, problems: Array<NotDeleted>, };

/**
 * A cron schedule read back for people.
 */
export type Described = { 
/**
 * The plain schedule in local time, when the cron is one the form can make.
 */
plain: Plain | null, 
/**
 * `HH:MM` local time of the next run.
 */
localTime: string | null, 
/**
 * The zone's name, e.g. `Europe/Paris`.
 */
zone: string, cron: string, };

export type Ended = { projectId: string, snapshotId: string, ok: boolean, title: string, body: string, };

/**
 * An endpoint's pages, for the links beside each way in.
 */
export type EndpointLinks = { createApp: string | null, createToken: string | null, };

/**
 * The stable kinds the window picks a remedy by.
 */
export type ErrorKind = "network" | "clock" | "notGranted" | "auth" | "forbidden" | "notFound" | "rateLimited" | "server" | "refused" | "unexpectedAnswer" | "invalid" | "keyring" | "uncertain" | "demo" | "system";

/**
 * Why a rehearsal did not pass.
 */
export type Failed = { "why": "refused", ovh: string, } | { "why": "didNotBoot", status: string, } | { "why": "bootTimedOut" } | { "why": "noAnswer", port: number, } | { "why": "noAddress" } | { "why": "unanswered" };

/**
 * What the app can do, each needing some calls.
 */
export type Feature = "browse" | "createBackups" | "cancelBackups" | "deleteBackups" | "restore" | "automaticBackups" | "volumeBackups";

/**
 * A field of the account form, named in the sentence about it.
 */
export type Field = "applicationKey" | "applicationSecret" | "consumerKey" | "clientId" | "clientSecret";

/**
 * A model a backup fits on.
 */
export type FlavorChoice = { id: string, name: string, diskGb: number, ramMb: number, vcpus: number, 
/**
 * What it costs, from the account's country's catalog; `None`: "price not available".
 */
price: ModelPrice | null, };

/**
 * Keys found in `OVH_*` variables or an `ovh.conf`, described without their secrets.
 */
export type ImportOffer = { sources: Array<string>, endpoint: string, method: Method, };

/**
 * One row of the Instances list.
 */
export type InstanceRow = { id: string, name: string, region: string, 
/**
 * The flavor's name (`b2-7`), or its id when the flavor is unknown.
 */
model: string, 
/**
 * OVH's raw status (`ACTIVE`, `SNAPSHOTTING`...); the UI words it.
 */
status: string, diskGb: number | null, metal: boolean, iops: boolean, };

/**
 * A backup still billed after a deletion, and why it is still there (`None`: not chosen).
 */
export type Kept = { name: string, sizeGb: number | null, 
/**
 * Why it was kept although chosen; `None` when it was not chosen.
 */
refusal: Refusal | null, };

/**
 * An SSH key of the project.
 */
export type KeyChoice = { id: string, name: string, };

/**
 * The keys of one way in. Never logged: the commands skip all their arguments.
 */
export type KeysInput = { endpoint: string, applicationKey: string, applicationSecret: string, 
/**
 * Absent when connecting (OVH issues it).
 */
consumerKey?: string, };

/**
 * The control panel's languages, which the window speaks.
 */
export type Lang = "en" | "fr" | "de" | "es" | "it" | "pl" | "pt";

/**
 * An instance's newest available backup, the one "Test the latest backup" tests.
 */
export type LatestBackup = { id: string, name: string, };

/**
 * The two kinds of credentials: application keys (with a consumer key) or an OAuth2 service
 * account.
 */
export type Method = "keys" | "serviceAccount";

/**
 * What an instance model costs, from the account's country's catalog.
 */
export type ModelPrice = { 
/**
 * Billed by the hour (the default), in `currency`.
 */
perHour: number, 
/**
 * Billed by the month, when the catalog sells the model's monthly plan.
 */
perMonth: number | null, currency: string, };

/**
 * "Test the latest backup every month" for one instance.
 */
export type Monthly = { projectId: string, instanceId: string, instanceName: string, 
/**
 * The local hour, 0 to 23, on the first Monday of each month.
 */
hour: number, port: number | null, 
/**
 * The user said a service account's policy allows the deletion ([`Access::AskUser`]).
 */
policyConfirmed: boolean, 
/**
 * When it was set: an earlier due time never runs.
 */
since: string, 
/**
 * The due time last taken: a due time is taken once.
 */
lastDue: string | null, };

/**
 * The "Create an instance from this backup" form.
 */
export type NewInstanceSpec = { name: string, flavorId: string, sshKeyId: string | null, monthlyBilling: boolean, };

/**
 * A workflow that could not be deleted.
 */
export type NotDeleted = { workflow: string, 
/**
 * OVH's refusal.
 */
said: Said, };

/**
 * The outcome for one instance of a bulk creation.
 */
export type Outcome = { instanceId: string, workflowName: string, 
/**
 * Why it was not created.
 */
error: Said | null, };

/**
 * The protection overview, and the connection's clock its ages are counted from ("3 h ago"):
 * OVH's, not the computer's, which may be off.
 */
export type Overview = { rows: Array<Covered>, now: string, };

/**
 * One volume's part of a backup set, as tracked and recorded.
 */
export type Part = { volumeId: string, volumeName: string, 
/**
 * The volume snapshot; `None` when OVH refused it or its answer was lost and it was not
 * found (`refused` says which): nothing was made, nothing is retried on its own.
 */
snapshotId: string | null, sizeGb: number, refused?: Said | null, };

/**
 * A part as Instance Backup shows it under its set.
 */
export type PartRow = { 
/**
 * The volume snapshot's id; `None` when the part was never made.
 */
id: string | null, 
/**
 * The volume it was taken from (which may no longer exist).
 */
volumeId: string, volumeName: string, sizeGb: number, 
/**
 * `None` when the part was never made, or is no longer listed (deleted elsewhere).
 */
status: BackupStatus | null, };

/**
 * A schedule as the form builds it, in the user's time zone.
 */
export type Plain = { repeat: Repeat, hour: number, minute: number, };

/**
 * A rehearsal as the dialog describes it before Confirm.
 */
export type Plan = { backupId: string, region: string, 
/**
 * `rehearsal-<instance>-<date>`, so that staff recognise it in the Control Panel.
 */
temporaryName: string, flavor: FlavorChoice, 
/**
 * The TCP port checked once the instance is `ACTIVE`; `None`: `ACTIVE` is the check.
 */
port: number | null, longestMinutes: number, 
/**
 * At most this, in the model's currency: its hourly price × every hour begun within
 * `longest_minutes`. `None` without a price ("price not available").
 */
costAtMost: number | null, currency: string | null, };

/**
 * A backup a workflow's deletion would delete.
 */
export type PlannedBackup = { id: string, name: string, createdAt: string | null, sizeGb: number, 
/**
 * What it costs a month, when the region's price is known.
 */
monthly: number | null, };

/**
 * What Preferences shows.
 */
export type Prefs = { 
/**
 * The chosen language; `None` follows the system.
 */
language: Lang | null, 
/**
 * The language in use (chosen or the system's).
 */
effectiveLanguage: Lang, 
/**
 * The system's locale (`fr_CA.UTF-8`, `de-AT`): dates and money follow its country.
 */
systemLocale: string, quietSuccesses: boolean, startAtLogin: boolean, 
/**
 * Whether the home asked "start when you log in?" and was answered.
 */
loginAsked: boolean, logsFolder: string | null, };

/**
 * A change from Preferences; absent fields are left as they are.
 */
export type PrefsChange = { quietSuccesses?: boolean, startAtLogin?: boolean, loginAsked?: boolean, };

/**
 * The schedule shown both ways, its next runs, its warnings and its cost.
 */
export type Preview = { cron: string, rotation: number, described: Described, 
/**
 * RFC 3339 in the user's zone.
 */
nextRuns: Array<string>, 
/**
 * The first run whose local time moves with daylight saving (RFC 3339, local).
 */
dstShift: string | null, businessHours: boolean, 
/**
 * For the chosen instances: one backup, and all kept backups, per month.
 */
perBackupMonthly: number | null, totalMonthly: number | null, currency: string | null, };

/**
 * Snapshot storage price for one region.
 */
export type Price = { 
/**
 * Per GB per month, in `currency`.
 */
perGbMonth: number, 
/**
 * ISO code (`EUR`, `GBP`, `PLN`, `CAD`, `USD`...), from the catalog.
 */
currency: string, 
/**
 * The catalog's plan (`snapshot.consumption`, `….3AZ`, `….LZ`).
 */
planCode: string, };

/**
 * The country prices come from, for the Account screen.
 */
export type PriceCountry = { subsidiary: string | null, source: CountrySource, 
/**
 * What to pre-fill the choice with: the endpoint's usual country.
 */
suggested: string, 
/**
 * The countries that can be chosen on this endpoint.
 */
choices: Array<string>, };

/**
 * A project as the project selector shows it.
 */
export type Project = { id: string, name: string, 
/**
 * OVH reports the project `suspended` (most often over an unpaid bill): the app says so
 * and leads to the Control Panel; what OVH then refuses is not confirmed, so nothing is
 * refused on its account.
 */
suspended: boolean, };

/**
 * How well an instance is protected.
 */
export type Protection = "ok" | "warning" | "unprotected";

/**
 * Why a backup is not deleted.
 */
export type Refusal = { "code": "gone" } | { "code": "notAvailable" } | { "code": "inUse", instances: Array<string>, } | { "code": "failed", said: Said, } | { "code": "noLongerPlanned" };

/**
 * A region OVH reports not plainly up (`cloud.Region.status`, or its `instance` service).
 */
export type RegionState = "maintenance" | "down";

/**
 * What the "Test this backup" dialog shows before Confirm.
 */
export type RehearsalForm = { backupId: string, backupName: string, 
/**
 * The instance's name, else the backup's.
 */
sourceName: string, region: string, 
/**
 * The instance it was taken of, as Instance Backup links it.
 */
instanceId: string | null, 
/**
 * `None`: no model in the backup's region fits it (nothing can be tested).
 */
plan: Plan | null, access: Access, 
/**
 * What a service account's policy must allow, for [`Access::AskUser`].
 */
iamAction: string, 
/**
 * This backup is being tested now.
 */
busy: boolean, 
/**
 * The newest result for this backup.
 */
last: Rehearsed | null, 
/**
 * The instance's tests, of any of its backups, newest first (at most [`HISTORY`]).
 */
history: Array<Rehearsed>, 
/**
 * The instance's monthly test, when one is set.
 */
monthly: Monthly | null, };

/**
 * A rehearsal's result, kept for the overview and the backup's history.
 */
export type Rehearsed = { projectId: string, 
/**
 * The instance the backup was taken of, when the app knows it.
 */
instanceId: string | null, 
/**
 * The instance's name, else the backup's: what the user calls it.
 */
sourceName: string, backupId: string, backupName: string, temporaryName: string, at: string, 
/**
 * Whole minutes begun, from the request to the deletion.
 */
minutes: number, port: number | null, 
/**
 * Each step's time, in seconds since the request.
 */
steps: Array<[Step, number]>, failed: Failed | null, 
/**
 * OVH refused the deletion each time: the temporary instance is still there, and billed.
 */
leftBehind: boolean, 
/**
 * The model's hourly price × every hour begun: an upper bound. `None` without a price,
 * or when OVH made nothing.
 */
costAtMost: number | null, currency: string | null, };

/**
 * How often, in the user's words.
 */
export type Repeat = { "kind": "daily" } | { "kind": "weekly", days: Array<number>, } | { "kind": "monthly", day: number, };

/**
 * The volume a restored part takes the place of. It is detached, never deleted: what it
 * holds stays there until the user deletes it.
 */
export type Replaced = { id: string, name: string, 
/**
 * When the detach was asked for (never twice; a lost answer counts as asked, and the
 * volume list tells whether it happened).
 */
detachAskedAt?: string | null, };

/**
 * What the two restore dialogs need.
 */
export type RestoreOptions = { backupId: string, backupName: string, region: string, createdAt: string | null, 
/**
 * The instance it was taken of, when it still exists: the in-place target.
 */
instanceId: string | null, instanceName: string | null, 
/**
 * Models in the backup's region whose disk holds the backup (`minDisk`).
 */
flavors: Array<FlavorChoice>, sshKeys: Array<KeyChoice>, defaultName: string, 
/**
 * The model of the instance the backup was taken of, when it still exists and the backup
 * fits it: the new instance's default.
 */
originalFlavor: string | null, };

/**
 * What happened on one route template, over every call the tour made to it.
 */
export type RouteResult = { 
/**
 * `GET /cloud/project/{projectId}/snapshot`
 */
route: string, calls: number, answered: number, 
/**
 * Records read, for list routes.
 */
records: number, 
/**
 * `HTTP 403 Client::Forbidden` and how many times.
 */
refusals: { [key in string]: number }, 
/**
 * Calls that got no answer (network, timeout) or an answer that is not the expected shape.
 */
failures: { [key in string]: number }, 
/**
 * Records skipped: field, problem, how many.
 */
unreadable: Array<[string, string, number]>, };

/**
 * One run of a workflow.
 */
export type Run = { id: string, executedAt: string | null, state: RunState, 
/**
 * OVH's own word for the state, shown when it is none of ours.
 */
rawState: string, stateInfo: string | null, };

/**
 * What OVH said of a failed run: its words, shown under "Details", and whether they name a
 * quota, so the advice is to make room ([`crate::said::names_quota`]).
 */
export type RunFailure = { 
/**
 * OVH's `stateInfo`, when it gave one.
 */
ovh: string | null, quota: boolean, };

/**
 * A run's state, from OVH's execution state (its case not relied on).
 */
export type RunState = "success" | "error" | "running" | "canceled" | "idle" | "paused" | "other";

/**
 * What the user is told about an error: a code and its values, worded by the window's
 * catalogs in the user's language (`said-<code>`, and `why-<code>` for [`Why`]).
 */
export type Said = { "code": "unreachable" } | { "code": "timedOut" } | { "code": "unknownKey" } | { "code": "badSignature" } | { "code": "notApproved" } | { "code": "clockSkew" } | { "code": "notGranted" } | { "code": "unknownServiceAccount" } | { "code": "slowDown" } | { "code": "serverProblem", status: number, } | { "code": "quota", ovh: string, } | { "code": "busy", ovh: string, } | { "code": "expired", ovh: string, } | { "code": "refused", ovh: string, } | { "code": "unreadable" } | { "code": "demoDown" } | { "code": "keyringUnavailable" } | { "code": "keyringLocked" } | { "code": "keyringRefused", detail: string, } | { "code": "why", why: Why, } | { "code": "internal", detail: string, };

/**
 * The window's sections, in the sidebar's order.
 */
export type Section = "overview" | "instances" | "backups" | "workflows" | "account" | "preferences";

export type ServiceAccountInput = { endpoint: string, clientId: string, clientSecret: string, };

/**
 * Which cloud the window shows.
 */
export type Session = { demo: boolean, endpoint: string, 
/**
 * The account's OVHcloud Control Panel, where advice may send the user.
 */
controlPanel: string | null, };

/**
 * A step's time since the rehearsal began.
 */
export type Step = "created" | "active" | "answered" | "deleted";

/**
 * Where the window opens: a section, or one backup in Instance Backup.
 */
export type Target = { section: Section, projectId: string | null, snapshotId: string | null, };

export type Told = { ok: boolean, title: string, body: string, };

/**
 * One backup (or restore) being followed to completion.
 */
export type Tracked = { 
/**
 * Journals written before restores existed have no kind: they are backups.
 */
kind: TrackedKind, projectId: string, 
/**
 * The backup followed, or the backup an instance is being restored from.
 */
snapshotId: string, name: string, instanceId: string, instanceName: string, region: string, startedAt: string, 
/**
 * A backup set's volume parts (issue 20), followed with the instance backup and told with
 * it as one. Journals written before sets have none.
 */
parts?: Array<Part>, };

/**
 * What is being followed.
 */
export type TrackedKind = { "type": "backup" } | { "type": "safetyBackup", restore_from: string, restore_name: string, } | { "type": "rebuild", 
/**
 * The instance was seen in another status than `ACTIVE` since the reinstall.
 */
seen_rebuilding: boolean, 
/**
 * The reinstall's operation, when OVH named one (`operationIds`).
 */
operation_id?: string | null, } | { "type": "build" } | { "type": "volumeRestore", 
/**
 * The new volume, once OVH lists it (found by its exact name in the region before).
 */
volume_id?: string | null, 
/**
 * The attach was asked for (never twice).
 */
attach_asked: boolean, 
/**
 * The volume the new one takes the place of, when the user chose to restore in place:
 * detached from the instance once the new volume is made, then kept.
 */
replaces?: Replaced | null, };

/**
 * A volume offered in the "Create a backup" dialog.
 */
export type VolumeChoice = { id: string, name: string, sizeGb: number, 
/**
 * Size × the volume snapshot price per GB per month: an upper bound, as for instances.
 */
estimateMonthly: number | null, };

/**
 * A refusal or an unconfirmed outcome, before or instead of a request to OVH.
 */
export type Why = { "code": "backupNameRequired" } | { "code": "backupNameTooLong", max: number, } | { "code": "backupNameControl" } | { "code": "backupInProgress" } | { "code": "backupNotListedYet" } | { "code": "backupUnconfirmed", lookup: Said, } | { "code": "keepCount" } | { "code": "noAutomaticOnMetal" } | { "code": "scheduleRefusedRestored", refused: Said, } | { "code": "scheduleRefusedLost", refused: Said, restoring: Said, } | { "code": "chooseSchedule" } | { "code": "chooseTime" } | { "code": "dateOutOfRange" } | { "code": "chooseDays" } | { "code": "daysRange" } | { "code": "monthDay" } | { "code": "otherUtcDay" } | { "code": "workflowNameRequired" } | { "code": "workflowNameTooLong" } | { "code": "workflowNameChars" } | { "code": "badCron", detail: string, } | { "code": "instanceGone" } | { "code": "volumeNotAttached" } | { "code": "partGone" } | { "code": "partNotReady" } | { "code": "partRestoring" } | { "code": "confirmColdSnapshot" } | { "code": "chooseInstance" } | { "code": "workflowGone" } | { "code": "backupGone" } | { "code": "typeInstanceName", name: string, } | { "code": "typeVolumeName", name: string, } | { "code": "onlyAvailableRestored" } | { "code": "otherRegion", backup: string, instance: string, } | { "code": "newInstanceName" } | { "code": "chooseModelIn", region: string, } | { "code": "modelTooSmall", model: string, disk: number, needs: number, } | { "code": "noModelFits", region: string, } | { "code": "noBackupToTest" } | { "code": "rehearsalRunning" } | { "code": "rehearsalNeedsAccess" } | { "code": "confirmRehearsalPolicy", action: string, } | { "code": "portRange" } | { "code": "safetyBackupFailed" } | { "code": "consumerKeyRequired" } | { "code": "keyringTask", detail: string, } | { "code": "chooseEndpoint" } | { "code": "onlyWebPages" } | { "code": "fieldRequired", field: Field, } | { "code": "fieldSpaces", field: Field, } | { "code": "consumerKeyUnusable", state: string, } | { "code": "noBuiltinApp" } | { "code": "noApprovalPage" } | { "code": "nothingWaiting" } | { "code": "accessRefused" } | { "code": "noKeysToImport" } | { "code": "chooseCountry", choices: string, } | { "code": "countryNotSaved", detail: string, } | { "code": "startAtLogin", detail: string, } | { "code": "settingsNotSaved", detail: string, } | { "code": "noLogsFolder", detail: string, } | { "code": "folderNotCreated", path: string, detail: string, } | { "code": "folderNotOpened", path: string, detail: string, } | { "code": "noSaveFolder", detail: string, } | { "code": "reportNotSaved", path: string, detail: string, };

/**
 * One workflow and the backups it appears to have made.
 */
export type WorkflowBackups = { workflowId: string, workflowName: string, region: string, 
/**
 * The name its backups start with (OVH's `backupName`, else the workflow's name).
 */
backupName: string, currency: string | null, backups: Array<PlannedBackup>, };

/**
 * One workflow to delete.
 */
export type WorkflowRef = { region: string, id: string, };

/**
 * One row of Workflow Management.
 */
export type WorkflowRow = { id: string, name: string, region: string, instanceId: string, 
/**
 * `None` when the instance was deleted (the workflow then fails every run).
 */
instanceName: string | null, cron: string, rotation: number | null, schedule: Described, nextRun: string | null, lastRun: Run | null, 
/**
 * Newest first.
 */
history: Array<Run>, };

/** The commands the window may call. */
export const COMMANDS = [
  "session",
  "list_projects",
  "list_instances",
  "backup_form",
  "create_backup",
  "list_backups",
  "delete_backups",
  "cancel_backup",
  "delete_backup_part",
  "restore_backup_part",
  "restore_options",
  "restore_in_place",
  "restore_new_instance",
  "rehearsal_form",
  "start_rehearsal",
  "latest_backup",
  "set_monthly_rehearsal",
  "auto_backup_form",
  "preview_schedule",
  "create_auto_backups",
  "list_workflows",
  "delete_workflows",
  "workflow_backups",
  "price_country",
  "check_account",
  "unreadable_count",
  "save_check_report",
  "choose_price_country",
  "replace_workflow",
  "refresh",
  "refresh_schedules",
  "protection_overview",
  "account_status",
  "account_info",
  "endpoint_links",
  "import_offer",
  "import_account",
  "connect_start",
  "sign_in",
  "connect_wait",
  "allow_rehearsals",
  "connect_cancel",
  "save_keys",
  "save_service_account",
  "sign_out",
  "open_page",
  "settings",
  "update_settings",
  "set_language",
  "take_section",
  "open_logs_folder",
  "quit",
  "close_window",
] as const;

export type Command = (typeof COMMANDS)[number];

/** The events the Rust side emits to the window. */
export const EVENTS = {
  backupsChanged: "backups://changed",
  backupEnded: "backups://ended",
  confirmQuit: "app://confirm-quit",
  navigate: "app://navigate",
  schedulesChanged: "schedules://changed",
  scheduleRun: "schedules://run",
  rehearsalEnded: "rehearsals://ended",
} as const;
