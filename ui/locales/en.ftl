## Backup Desk — English, the source of every other catalog.
## Where the OVHcloud control panel shows the same thing, its own words in this language are
## used, from ovh/manager's translation files (Messages_<locale>.json):
##   packages/manager/apps/container/src/public/translations/sidebar (navigation)
##   packages/manager/apps/pci-instances/public/translations/{list,status,common}
##   packages/manager/apps/pci-workflow/public/translations/{listing,new}
##   packages/manager/modules/pci/src/projects/project/storages/instance-backups/translations
##     (and its instance-backup/delete and add folders)
##   packages/manager/modules/pci/src/projects/project/instances/instance/backup/translations
##   packages/manager/modules/common-translations/public/translations/{actions,status,region,form}
## Placeholders are Fluent variables ({ $name }); counts select their plural form.

appName = Backup Desk
navStorage = Storage
navCompute = Compute
navInstances = Instances
navInstanceBackup = Instance Backup
navWorkflows = Workflow Management
project = Project
language = Language
demoBadge = Demo cloud
demoTitle = You are exploring a built-in demo cloud. Nothing here touches a real OVHcloud account.
accountBadge = OVHcloud account ({ $endpoint })
instancesTitle = Instances
instancesCaption = Instances of { $project }
colName = Name
colRegion = Region
colModel = Model
colStatus = Status
colActions = Actions
actionsFor = Actions for { $name }
createBackup = Create a backup
createAutoBackup = Create an automatic backup
loadingProjects = Loading projects…
loadingInstances = Loading instances…
noProjects = This account has no Public Cloud project.
noInstances = There is no instance in this project yet.
retry = Try again
close = Close
save = Save
metalNote = Metal: cold snapshot only
iopsNote = NVMe: root disk only
said-unreachable = The OVHcloud API cannot be reached. Check your internet connection, then try again.
said-timedOut = OVHcloud did not answer in time. Try again in a moment.
said-unknownKey = OVHcloud does not know this application key. Connect again with the keys of an existing application.
said-badSignature = OVHcloud refused the signature: the application secret does not belong to this application key. Connect again with the right secret.
said-notApproved = This access to OVHcloud was not approved, has expired or was revoked. Connect again to renew it.
said-clockSkew = This computer's clock is too far from OVHcloud's. Set the date and time to update automatically, then try again.
said-notGranted = This access does not allow that action. Connect again to grant Backup Desk the rights it needs.
said-unknownServiceAccount = OVHcloud does not recognise this service account: check its client ID and secret, then connect again.
said-slowDown = OVHcloud asks Backup Desk to slow down. Wait a minute, then try again.
said-quota = OVHcloud refused: a limit (quota) of the project is reached. Delete backups you no longer need, or raise the quota in the OVHcloud Control Panel.
said-busy = OVHcloud refused because another operation is under way on it. Wait a few minutes, then try again.
said-expired = This OVHcloud service has expired. Renew it in the OVHcloud Control Panel, then try again.
said-serverProblem = OVHcloud had a problem (error { $status }). Try again in a few minutes; if it lasts, check status.ovhcloud.com.
said-refused = OVHcloud refused: { $ovh }. Correct what it names, or try again later.
said-unreadable = OVHcloud sent an answer Backup Desk cannot read. Try again; if it lasts, run Settings → Check my account and send the report to support.
said-demoDown = The demo cloud could not start. Quit Backup Desk and open it again.
why-backupNameRequired = Enter a name for the backup.
why-backupNameTooLong = A backup name has at most { $max } characters.
why-backupNameControl = A backup name cannot contain control characters (tabs, line breaks).
why-backupInProgress = A backup of this instance is already being created: wait for it to appear in Instance Backup.
why-backupNotListedYet = OVHcloud accepted the backup but does not list it yet. Refresh in a moment.
why-backupUnconfirmed = The backup request got no answer and the check failed too ({ $lookup }). Look in Instance Backup before trying again.
why-keepCount = Keep between 1 and 100 backups.
why-noAutomaticOnMetal = Automatic backups are not available for Metal instances: create backups by hand.
why-scheduleRefusedRestored = The new schedule was refused ({ $refused }); the previous one was put back.
why-scheduleRefusedLost = The new schedule was refused ({ $refused }) and the previous one could not be put back ({ $restoring }): create it again.
why-chooseSchedule = Choose a schedule.
why-chooseTime = Choose a time between 00:00 and 23:59.
why-dateOutOfRange = This date is out of range.
why-chooseDays = Choose at least one day.
why-daysRange = Days are 0 (Sunday) to 6 (Saturday).
why-monthDay = Choose a day between 1 and 28, so that every month has it.
why-otherUtcDay = At this time the run falls on another day in UTC: choose another day or time.
why-workflowNameRequired = Enter a name.
why-workflowNameTooLong = A name has at most 64 characters.
why-workflowNameChars = A name may only contain letters, digits, underscores, dashes and full stops.
why-badCron = OVHcloud does not accept this schedule ({ $detail }).
why-instanceGone = This instance no longer exists.
why-volumeNotAttached = A chosen volume is no longer attached to this instance. Open the dialog again.
why-partGone = This volume snapshot is no longer part of its backup set.
why-partNotReady = This volume snapshot is still being made. Delete it once it is ready.
why-partRestoring = This volume snapshot is already being restored.
why-confirmColdSnapshot = A Metal instance is unavailable during its cold snapshot: confirm that you accept it.
why-chooseInstance = Choose at least one instance.
why-workflowGone = This automatic backup no longer exists: refresh the list.
why-backupGone = This backup no longer exists.
why-typeInstanceName = Type the instance name, { $name }, to confirm.
why-typeVolumeName = Type the volume name, { $name }, to confirm.
why-onlyAvailableRestored = Only an available backup can be restored.
why-otherRegion = This backup is in { $backup } and the instance in { $instance }: restore into a new instance instead.
why-newInstanceName = Enter an instance name (at most 255 characters, no control characters).
why-chooseModelIn = Choose a model in { $region }, the backup's region.
why-modelTooSmall = The { $model } model's disk ({ $disk } GB) is smaller than the backup needs ({ $needs } GB).
why-safetyBackupFailed = The safety backup failed.
why-consumerKeyRequired = A consumer key is required.
why-keyringTask = The keyring did not answer ({ $detail }). Try again.
why-chooseEndpoint = Choose Europe, Canada or United States, or enter an endpoint URL starting with https://.
why-onlyWebPages = Only web pages can be opened.
why-fieldRequired = { $field }: this field is required.
why-fieldSpaces = { $field } cannot contain spaces: copy it again from OVHcloud.
why-consumerKeyUnusable = This consumer key is not usable (state: { $state }): connect again.
why-noBuiltinApp = This version of Backup Desk cannot sign in to this region. Connect with keys instead (For IT staff).
why-noApprovalPage = OVHcloud gave no approval page for this request.
why-nothingWaiting = No connection is waiting for approval.
why-accessRefused = The access request was refused or has expired: connect again.
why-noKeysToImport = No OVH keys were found to import.
why-chooseCountry = Choose one of: { $choices }.
why-countryNotSaved = The country could not be saved ({ $detail }): choose it again.
why-startAtLogin = Cannot change start at login: { $detail }.
why-settingsNotSaved = Cannot save the settings: { $detail }.
why-noLogsFolder = There is no logs folder: { $detail }.
why-folderNotCreated = Cannot create { $path }: { $detail }.
why-folderNotOpened = Cannot open { $path }: { $detail }.
why-noSaveFolder = There is no folder to save in: { $detail }.
why-reportNotSaved = Cannot save the report in { $path }: { $detail }.
said-keyringUnavailable = No keyring is available. Install or start a Secret Service (GNOME Keyring or KWallet; on Debian or Ubuntu: sudo apt install gnome-keyring), then try again.
said-keyringLocked = The keyring is locked: unlock it, then try again.
said-keyringRefused = The keyring refused: { $detail }.
said-internal = Backup Desk could not prepare this request ({ $detail }). Try again; if it lasts, run Settings → Check my account and send the report to support.
status-ACTIVE = Enabled
status-BUILD = Being created
status-BUILDING = Being created
status-SNAPSHOTTING = Backup instance creation
status-REBUILD = Re-installation
status-RESCUE = Rescue
status-RESCUING = Reboot (rescue)
status-UNRESCUING = Leaving rescue mode
status-SHUTOFF = Stopped
status-STOPPED = Stopped
status-REBOOT = Rebooting
status-HARD_REBOOT = Rebooting
status-SUSPENDED = Suspended
status-PAUSED = Paused
status-SHELVED = Shelved
status-SHELVED_OFFLOADED = Shelved
status-DELETING = Being deleted
status-ERROR = Error
status-other = { $status }
backupDialogTitle = Create a backup of { $name }
backupName = Backup name
backupNameHelp = Required, at most 255 characters.
pricingTitle = Pricing information
pricePerGb = Price: ~{ $price }/month/GB ex. VAT
priceEstimate = For this instance ({ $disk } GB disk): up to ~{ $total }/month, billed until you delete the backup.
priceUnknown = Price not available: your country's OVHcloud catalog has no backup price for this region, or your country is not known yet (Settings → Account).
warnSuspend = Your instance will be suspended for a few seconds, and the disk's read/write performance may be impacted until the backup is complete.
warnIops = The backup only includes your root disk (operating system). None of the data stored on your NVMe devices will be backed up.
metalTitle = Metal instance: cold snapshot
metalText = This instance is switched to rescue mode, backed up, then rebooted to normal mode. It is unavailable the whole time.
metalAck = I understand that { $name } will be unavailable during the backup
confirm = Confirm
cancel = Cancel
sending = Sending…
backupStarted = Backup of { $name } started. You will be notified when it is ready.
backupRecovered = The answer was lost, but the backup was found: it is running. No second backup was made.
backupBusy = A backup of this instance is already in progress.
nameRequired = Enter a name for the backup.
nameTooLong = The name is too long: at most 255 characters.
nameControl = The name cannot contain tabs or line breaks.
backupsTitle = Instance Backup
billingWarning = An instance backup is billed until it is deleted, even after its instance is deleted.
loadingBackups = Loading backups…
noBackups = No backup yet. Create one from Instances → … → Create a backup.
noMatch = No backup matches these filters.
filterText = Search
filterStatus = Status
filterRegion = Region
filterAll = All
colInstance = Instance
colSize = Size
colCreated = Created
selectAll = Select all backups shown
selectRow = Select { $name }
deleteSelected = Delete ({ $count })
deleteTitle = { $count ->
    [one] Delete { $count } backup?
   *[other] Delete { $count } backups?
}
deleteFrees = This frees { $size } GB and saves about { $cost } per month.
deleteFreesNoPrice = This frees { $size } GB.
deleteIrreversible = A deleted backup cannot be recovered.
deleteLast = After this, { $instances } will have no backup left.
deleteLastConfirm = Delete anyway: I understand there will be no backup to restore.
deleteBlocked = { $name } cannot be deleted: it is installed on these running instances: { $instances }.
volumesTitle = { $count ->
        [one] Its additional volume, backed up with it
       *[other] Its { $count } additional volumes, backed up with it
    }
volumeChoice = { $name } · { $size } GB
volumeChoiceCost = { $name } · { $size } GB · up to ~{ $cost }/month
volumesHelp = A snapshot of each ticked volume is taken at the same time, named after this backup, and told with it. Unticked volumes are not backed up.
volumesUnknown = The volumes attached to this instance could not be listed: this backup covers the instance's own disk only.
setParts = { $count ->
        [one] Backup set · 1 part
       *[other] Backup set · { $count } parts
    }
partInstance = Instance disk · { $size }
partVolume = Volume { $name } · { $size }
setCost = whole set ~{ $cost }/month
partMissing = Not made
deletePart = Delete this volume snapshot
deletePartTitle = Delete the snapshot of { $name } from { $set }?
deletePartText = The other parts of { $set } are kept.
deletePartDone = Snapshot of { $name } deleted
restorePartStarted = Restoring { $name } to { $instance }. You will be notified when it is attached.
restorePartBilled = The new volume is billed like any volume until you delete it.
restoreSetNote = This backup set also holds { $volumes }. Restoring the instance leaves its volumes as they are: restore each of them from the set.
restorePartTarget = Attach it to
restorePartText = A new volume of { $size } is made from this snapshot and attached to the instance you choose. Nothing is overwritten: { $name } stays as it is. Mount the new volume to read its files.
restorePartTitle = Restore { $name } from { $set }
restorePart = Restore as a new volume
restorePartInPlaceStarted = Restoring { $name } in place on { $instance }. You will be notified when it is attached.
restorePartInPlaceConfirm = Restore in place
restorePartType = Type { $name } to confirm
restorePartInPlaceWarn = Before you confirm, stop what uses { $name } on { $instance } and unmount it: detaching a volume in use can lose what is being written to it.
restorePartInPlaceText = A new volume of { $size } is made from this snapshot and attached to { $instance } in place of { $name }. { $name } is detached and kept as it is: nothing is overwritten, so no safety backup is needed. It is billed until you delete it.
restorePartInPlaceNone = { $name } is no longer attached to { $instance }: it can only be restored as a new volume.
restorePartInPlace = In place of { $name } on { $instance }
restorePartAsNew = As a new volume, next to what is there
restorePartHow = How to restore it
restorePartOpen = Restore…
deleteSetParts = { $count ->
        [one] with the snapshot of its volume { $volumes }
       *[other] with the snapshots of its { $count } volumes: { $volumes }
    }
autoVolumesNote = OVHcloud's automatic backups copy the instance's own disk only: { $volumes } not included. Back them up with Create a backup.
volumesUnprotected = Volumes not protected: { $volumes }. Automatic backups leave them out; Back up now includes them.
deleteNotAvailable = { $name } cannot be deleted until it is available.
deleteGone = { $name } cannot be deleted: it no longer exists.
deleteNoLongerPlanned = { $name } is kept: it is no longer among this schedule's backups.
deleteDone = { $count ->
    [one] { $count } backup deleted.
   *[other] { $count } backups deleted.
}
deleteFailed = { $name } was not deleted: { $reason }
deleteAction = Delete
cancelBackup = Cancel backup
cancelTitle = Cancel the backup { $name }?
cancelText = The backup stops and is not kept. Nothing else changes on the instance.
cancelDone = Backup { $name } cancelled.
deletedInstance = deleted instance
instanceUnknown = instance unknown
nameHint = by name only
nameHintHelp = OVH does not say which instance a backup was taken of: this one is matched by its name, not by a record.
orphanNote = Its instance is gone; this backup is still billed.
elapsed = { $elapsed } elapsed
remaining = about { $left } left
almostDone = almost done
backupStatus-inProgress = Backup in progress
backupStatus-active = Available
backupStatus-deleting = Deleting…
backupStatus-failed = Error
monthlyCost = ~{ $cost }/month
toastOpen = Open
dismiss = Dismiss
moreActions = More actions for { $name }
restoreInPlace = Restore to this instance
restoreNew = Create an instance from this backup
restoreTitle = Restore { $instance } from { $backup }
restoreLoss = Everything written on { $instance } since { $date } will be lost: the instance is reinstalled with this backup.
restoreSafety = First take a safety backup of { $instance } as it is now (recommended; billed like any backup)
restoreType = Type { $instance } to confirm
restoreStarted = Restore of { $instance } started. You will be notified when it is running again.
restoreSafetyStarted = Safety backup of { $instance } started; the restore follows when it is ready. You will be notified.
restoreNoInstance = The instance this backup was taken of no longer exists: create a new instance from it instead.
newTitle = Create an instance from { $backup }
newName = Instance name
newModel = Model
newModelOption = { $name } — { $vcpus } vCPU, { $ram } GB RAM, { $disk } GB disk
newNoModel = No model in { $region } has a disk large enough for this backup.
newKey = SSH key
newNoKey = None
newBilling = Billing
newMore = More options
newChooseModel = Choose a model
newOriginalModel = { $model } is the model { $instance } runs on.
newPriceHourly = Price: { $hour } per hour excl. VAT, up to { $month } per month, billed until the instance is deleted.
newPriceMonthly = Price: { $month } per month excl. VAT, billed monthly until the instance is deleted.
newPriceUnknown = Price not available: your country's OVHcloud catalog has no price for this model, or your country is not known yet (Settings → Account).
newHourly = Hourly
newMonthly = Monthly
newRegion = Region: { $region } (the backup's region)
newStarted = Creating { $name } from { $backup }. You will be notified when it is ready.
navOverview = Protection overview
autoTitle = Create an automatic backup
autoPart1 = 1. What it does
autoWorkflowText = Backs up the instance and its primary volume, on OVHcloud's servers, whether or not this computer is on.
autoWorkflowNote = Additional volumes and data on NVMe disks are not included.
autoPart2 = 2. Which instances
autoMetal = Metal: no automatic backups (back it up by hand from Instances)
autoAlready = already scheduled: { $names }
autoPart3 = 3. The schedule
presetCustom = Custom schedule
repeatDaily = Every day
repeatWeekly = On chosen days
repeatMonthly = On a day of the month
repeatLabel = Repeat
atTime = At (your time, { $zone })
dayOfMonth = Day of the month (1–28)
keepLabel = Keep the last
advancedCron = Advanced: cron pattern (5 fields, UTC)
advancedHelp = Leave empty to use the choices above.
autoPart4 = 4. The name
autoNameHelp = Letters, digits, underscores (_), dashes (-) and full stops (.) only.
autoNameBad = The name may only contain letters, digits, underscores, dashes and full stops.
autoNoInstance = Choose at least one instance.
autoSeveral = { $count } instances: one automatic backup each, named { $name }-<instance>.
previewTitle = What will happen
autoLead = Back up { $names } —
autoCostTail = — up to ~{ $total }/month
changeTime = Change time
changeKeep = Change how many are kept
alsoOthers = Also back up other instances
changeName = Change the name
nextRunsTitle = Next runs
warnDst = Daylight saving: from { $date } this runs at { $time } your time.
warnBusiness = Some runs fall during business hours: the instance freezes for a few seconds when its backup starts.
costLine = Each backup: up to ~{ $each }/month. With { $keep } kept: up to ~{ $total }/month.
autoCreated = Automatic backup { $name } created.
autoFailed = { $name } was not created: { $error }
schedDaily = Every day at { $time } { $city } time
schedWeekly = Every { $days } at { $time } { $city } time
schedWeekdays = Every weekday (Monday to Friday) at { $time } { $city } time
schedMonthly = On day { $day } of every month at { $time } { $city } time
schedCustom = Custom schedule
schedCron = (cron { $cron } UTC)
schedKeeps = keeps the last { $keep }
day-0 = Sunday
day-1 = Monday
day-2 = Tuesday
day-3 = Wednesday
day-4 = Thursday
day-5 = Friday
day-6 = Saturday
workflowsTitle = Workflow Management
noWorkflows = No automatic backup yet.
loadingWorkflows = Loading automatic backups…
colSchedule = Schedule
colNextRun = Next run
colLastRun = Last run
checkNow = Check now
refresh = Refresh
refreshTitle = Read everything from OVHcloud again
edit = Edit
editTitle = Change { $name }
editNote = OVHcloud cannot change a schedule: Confirm deletes this one and creates the new one. If the new one is refused, this one is put back.
editDone = { $name } changed.
history = History
noRuns = No run yet.
deleteWfTitle = { $count ->
    [one] Delete { $count } automatic backup?
   *[other] Delete { $count } automatic backups?
}
deleteWfKeep = The backups they already made are kept (and billed) unless you tick the box below.
deleteWfAlso = Also delete the backups these schedules made
deleteWfDone = { $count ->
    [one] { $count } automatic backup deleted.
   *[other] { $count } automatic backups deleted.
}
wfBackupsLoading = Looking for the backups these schedules made…
wfBackupsHow = OVH does not record which backups a schedule made. These are the backups whose name is the schedule's backup name followed by a date, in its region. Backups you made with Backup Desk are never included. Untick any you want to keep.
wfBackupsOf = { $workflow }: backups named “{ $base } <date>” in { $region }
wfBackupsNone = { $workflow }: no backup named “{ $base } <date>” in { $region }. Nothing else will be deleted.
wfBackupsTotal = { $count ->
        [one] { $count } backup
       *[other] { $count } backups
    } to delete, { $size }, { $cost } a month
priceNotAvailable = price not available
deleteReportTitle = Deleted
deleteReportDeleted = { $workflows ->
        [one] { $workflows } automatic backup
       *[other] { $workflows } automatic backups
    } and { $backups ->
        [one] { $backups } backup
       *[other] { $backups } backups
    } deleted.
deleteReportKept = Still billed: { $count ->
        [one] { $count } backup
       *[other] { $count } backups
    } of these schedules, { $size }. Delete them from Instance Backup when you no longer need them.
deleteReportNothingKept = No backup of these schedules is left.
run-success = Succeeded
run-error = Failed
run-running = Running
run-canceled = Canceled
run-idle = Waiting
run-paused = Paused
overviewTitle = Protection overview
overviewSummary = { $ok } of { $total } instances protected; { $warn } { $warn ->
        [one] needs
       *[other] need
    } attention; { $none } without automatic backup.
loadingOverview = Checking every instance…
colProject = Project
colAutomatic = Automatic backup
colLastGood = Last good backup
protOk = Protected
protWarning = Needs attention
protNone = No automatic backup
backUpNow = Back up now
attnLastRunFailed = The last automatic backup failed.
attnQuota = OVHcloud reports a limit (quota) reached in { $region }. Delete backups you no longer need there, or raise the project's quota in the OVHcloud Control Panel.
attnSuspended = OVHcloud reports the project { $project } as suspended, most often over an unpaid bill: its backups may fail until it is reactivated. The OVHcloud Control Panel says why.
regionMaintenance = OVHcloud reports { $region } under maintenance: the backup may be refused or take longer. If it is refused, try again later.
regionDown = OVHcloud reports { $region } as unavailable: the backup may be refused. If it is, try again later.
showBackupsIn = Show backups in { $region }
openQuotaPage = Open the quota page
openControlPanel = Open the Control Panel
adviceDetails = Details
ovhSaid = OVHcloud's message: “{ $text }”
attnOverdue = No automatic backup ran when planned.
none = None
never = Never
ago = { $age } ago
justNow = just now
navSettings = Settings
navAccount = Account
connectAccount = Connect your account
reconnect = Connect again
accountTitle = Account
loadingAccount = Loading the account…
noAccount = No account is connected.
regionEu = Europe (ovh-eu)
regionCa = Canada (ovh-ca)
regionUs = United States (ovh-us)
advanced = Advanced
details = Details
customEndpoint = Custom endpoint URL
customEndpointHelp = Only if OVHcloud support gave you another API address. Leave empty to use the region above.
waysIn = How to connect
wayConnect = Connect (recommended)
wayKeys = I already have keys
wayService = Service account
welcomeTitle = Connect your OVHcloud account
welcomeText = You are exploring the demo cloud: nothing there is real. Connect your OVHcloud account to back up your own instances. The demo stays available until you do.
accountRegion = OVHcloud region of the account
keyringPromise = Keys are kept only in this computer's keyring, never in a file. Sign out removes them.
importTitle = Keys found on this computer
importKeysText = API keys for { $endpoint } were found in { $sources }. Import them into the keyring? They are checked with OVHcloud first.
importServiceText = A service account for { $endpoint } was found in { $sources }. Import it into the keyring? It is checked with OVHcloud first.
importButton = Check and import
checking = Checking with OVHcloud…
connected = Your OVHcloud account is connected.
connectedLimited = Connected, but some features are not allowed by these keys: see Settings → Account.
createAppLink = Create an application on OVHcloud
createTokenLink = Create keys on OVHcloud
applicationKey = Application key
applicationSecret = Application secret
consumerKey = Consumer key
clientId = Client ID
clientSecret = Client secret
connectStep1 = Create an application on OVHcloud (name it “Backup Desk”). It gives you an application key and an application secret.
connectStep2 = Paste them below and press Connect.
connectStep3 = Approve access on the OVHcloud page that opens. Backup Desk asks only for what it needs: reading your Public Cloud projects, and creating, restoring and deleting backups. It also asks to read your account's country (nothing else about you), so that prices are shown from your own country's catalog, in your currency.
checkTitle = Check my account
unreadableNote = { $count ->
    [one] { $count } item OVHcloud sent could not be read and is not listed; everything else is.
   *[other] { $count } items OVHcloud sent could not be read and are not listed; everything else is.
}
checkHelp = Reads every part of the OVHcloud API that Backup Desk uses, without changing anything, and says what worked and what could not be read. The report holds no key, id or name: you can send it to us as it is.
checkAccount = Check my account
checkRunning = Reading every project and region…
checkAllGood = Everything Backup Desk reads was read.
checkProblems = { $count ->
    [one] { $count } part of the API answered something Backup Desk could not fully read. The rest still shows.
   *[other] { $count } parts of the API answered something Backup Desk could not fully read. The rest still shows.
}
copyReport = Copy report
saveReport = Save report
reportCopied = Report copied.
reportSaved = Report saved:
priceCountryTitle = Backup prices
priceCountryFromAccount = Prices come from the OVHcloud catalog of { $country }, your account's country.
priceCountryAsk = Your keys do not let Backup Desk read your account's country, so no price is shown yet. Choose the country of your OVHcloud account: prices will come from its catalog, in its currency.
priceCountryChosen = Prices come from the catalog of the country you chose. Change it if your OVHcloud account is in another country.
priceCountryLabel = Country of your OVHcloud account
priceCountrySaved = Prices now come from the catalog of { $country }.
countryQC = Québec
countryWE = International (English)
countryWS = International (Spanish)
countryASIA = Asia
connectButton = Connect
signInButton = Sign in with OVHcloud
signInText = Your browser opens OVHcloud's sign-in page: log in, then allow Backup Desk. There is nothing to copy or paste.
forItStaff = For IT staff: application keys, tokens and service accounts
checkAndSave = Check and save
keysText = Use the three keys you created on OVHcloud's “create keys” page (for example for a script). They are checked with OVHcloud before anything is saved.
serviceText = For a service account created by your administrator (OAuth2 client credentials). Its rights come from the IAM policies attached to it.
waitingTitle = Waiting for your approval on OVHcloud…
waitingText = Log in on the OVHcloud page that opened in your browser and approve access. This window continues by itself.
openApprovalAgain = Open the approval page again
tryAgain = Try again
featureBrowse = See projects, instances and backups
featureCreate = Create backups
featureCancel = Cancel a backup in progress
featureDelete = Delete backups
featureRestore = Restore backups
featureAutomatic = Set up and remove automatic backups
featureVolumes = Back up additional volumes with their instance
accountName = OVHcloud account
accountMethod = Connected with
methodKeys = API keys
methodService = Service account
accountExpiry = Access ends
noExpiry = Never (until revoked)
tokenRenewed = Tokens are renewed automatically
accountProjects = Projects visible
connectedTitle = Connected to OVHcloud
missingTitle = These keys do not allow:
missingFix = To use these features, sign out and connect again with “Connect (recommended)”.
rulesTitle = Rights granted ({ $count })
rulesIam = Rights come from the service account's IAM policies.
signOut = Sign out
signOutTitle = Sign out of OVHcloud?
signOutText = Backup Desk forgets the keys on this computer. Your backups and automatic backups stay in OVHcloud and keep running. The demo cloud stays available.
signedOut = Signed out. The keys were removed from this computer.
navPreferences = Preferences
prefsTitle = Preferences
loadingPrefs = Loading preferences…
prefsSaved = Saved.
langSystem = As the system
prefsGeneral = General
prefsLogin = Start Backup Desk when I log in
prefsLoginHelp = It starts in the tray, without a window, and keeps telling you about backups and scheduled runs.
loginAsk = Start Backup Desk when you log in? It has to be running to tell you when an automatic backup runs or fails.
loginYes = Start at login
loginNo = Not now
loginOff = Backup Desk does not start when you log in: while it is closed, you are not told about automatic backups.
prefsNotifications = Notifications
prefsQuiet = Do not disturb for successes
prefsQuietHelp = No desktop notification when a backup or a scheduled run succeeds. Failures and missed runs are always shown.
prefsLogs = Logs
prefsLogsText = What Backup Desk did, day by day (the last 7 days are kept). Useful for OVHcloud support; they never contain your keys.
openLogs = Open logs folder
quitTitle = Quit while a backup is being requested?
quitText = A backup was just asked for and OVHcloud has not answered yet. If you quit now, Backup Desk checks for it when it starts again, but you will not be notified until then.
quitAnyway = Quit anyway
showMore = Show { $count } more ({ $shown } of { $total } shown)
sizeGb = { $size } GB
ageDays = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
queryId = (query id { $id })

## The desktop: notifications, the tray and the start-up message. The Rust side (src-tauri/src/words.rs) reads these; their ids start with desktop-.
desktop-open = Open
desktop-trayLoginOff = Not started at login: automatic backups are told only while it runs. Change…
desktop-trayOpen = Open Backup Desk
desktop-trayBackup = Back up an instance…
desktop-trayQuit = Quit
desktop-trayAllProtected = { $count ->
        [one] The instance is protected
       *[other] All { $count } instances protected
    }
desktop-trayAttention = { $count ->
        [one] 1 instance needs attention
       *[other] { $count } instances need attention
    }
desktop-trayUnscheduled = { $count ->
        [one] 1 instance without automatic backup
       *[other] { $count } instances without automatic backup
    }
desktop-trayFailed = { $instance }: the last automatic backup failed
desktop-trayFailedQuota = { $instance }: the last automatic backup failed, a limit (quota) is reached
desktop-trayOverdue = { $instance }: no automatic backup ran when planned
desktop-trayBackingUp = { $count ->
        [one] Backing up { $instance }…
       *[other] Backing up { $count } instances…
    }
desktop-trayRestoring = { $count ->
        [one] Restoring { $instance }…
       *[other] Restoring { $count } instances…
    }
desktop-backupReadyTitle = { $instance } backed up
desktop-backupReadyBody = { $name } · { $size } in { $duration }
desktop-backupFailedTitle = Backup failed — { $name } of { $instance }
desktop-backupFailedError = OVHcloud reported an error. Try again from Instances → … → Create a backup; if it fails again, contact OVHcloud support.
desktop-backupFailedGone = The backup disappeared before it was ready (cancelled or deleted). Create a new one if you still need it.
desktop-volumeRestoredBody = { $name } is attached to { $instance }. Mount it to read its files.
desktop-volumeRestoredTitle = Volume restored — { $instance }
desktop-volumeDetachedKept = { $previous } was detached from { $instance } and is kept: attach it again from the OVHcloud Control Panel.
desktop-volumeMaybeDetached = { $previous } may have been detached from { $instance }; it is kept either way: check it in the OVHcloud Control Panel.
desktop-volumeReplacedBody = { $name } is attached to { $instance } in place of { $previous }. { $previous } is detached and kept, billed until you delete it.
desktop-setReadyTitle = { $count ->
        [one] { $instance } and 1 volume backed up
       *[other] { $instance } and { $count } volumes backed up
    }
desktop-setIncompleteTitle = Backup incomplete — { $name } of { $instance }
desktop-setIncompleteBody = The instance is backed up, but not { $count ->
        [one] its volume
       *[other] these volumes
    }: { $volumes }. Create a backup again to include them; the parts that are ready stay in Instance Backup.
desktop-instanceReadyTitle = Instance ready — { $instance }
desktop-instanceReadyBody = Created from { $name } in { $duration }.
desktop-restoredTitle = Restore complete — { $instance }
desktop-restoredBody = { $instance } is running again, from { $name }.
desktop-restoreUnconfirmedTitle = Restore not confirmed — { $instance }
desktop-restoreUnconfirmedBody = OVHcloud accepted the restore but { $instance } never showed it happening. Check the instance before you rely on it.
desktop-restoreFailedTitle = Restore failed — { $instance }
desktop-restoreFailedBody = OVHcloud reported an error on the instance. Open the OVHcloud Control Panel or contact support.
desktop-restoreNotStarted = Nothing was restored. { $reason }
desktop-whileAwayTitle = While you were away: { $count ->
        [one] 1 backup finished
       *[other] { $count } backups finished
    }
desktop-whileAwayFailed = Failed: { $names }
desktop-runDoneTitle = Automatic backup of { $instance } done
desktop-runDoneBody = { $workflow }, run of { $time }.
desktop-runFailedTitle = Automatic backup of { $instance } failed — { $info }
desktop-runNoDetail = no detail given
desktop-runFailedBody = { $workflow }, run of { $time }. Take a manual backup if you need one now; if it fails again, contact OVHcloud support.
desktop-runQuotaTitle = Automatic backup of { $instance } failed: a quota is reached
desktop-runQuotaBody = { $workflow }, run of { $time }. Delete backups you no longer need, or raise the project's quota in the OVHcloud Control Panel.
desktop-runMissedTitle = Automatic backup of { $instance } did not run
desktop-runMissedBody = { $workflow } was due at { $time }. OVHcloud may have an incident: take a manual backup if you need one.
desktop-cannotStartTitle = Backup Desk cannot start
desktop-cannotStartBody = Backup Desk could not open its window.

    It needs Microsoft Edge WebView2, which Windows 11 includes. On Windows 10, install the free "Evergreen" runtime from https://developer.microsoft.com/microsoft-edge/webview2/ and start Backup Desk again.

    Details: { $detail }
testBackup = Test this backup
rehearsalTitle = Test { $backup }
rehearsalLoading = Reading what the test needs…
rehearsalWhat = A temporary instance, { $name }, is created from this backup in { $region } on the { $model } model, billed by the hour. Backup Desk checks that it starts, then deletes it. { $instance } itself is not touched.
rehearsalCost = Costs at most { $cost } and takes at most { $minutes } min.
rehearsalCostUnknown = Takes at most { $minutes } min. The price of the { $model } model is not available.
rehearsalPort = Once it has started, check that it answers on
rehearsalPortSsh = port 22 (SSH, Linux)
rehearsalPortRdp = port 3389 (Remote Desktop, Windows)
rehearsalPortNone = no port: starting is enough
rehearsalConfirm = Start the test
rehearsalStarted = Testing { $backup }: you will be notified of the result.
rehearsalNoModel = No model in { $region } fits this backup, so it cannot be tested there.
rehearsalNeedsAccess = Testing a backup needs permission to delete the temporary instance (DELETE /cloud/project/*/instance/*), which this connection does not have. Allow restore tests to ask OVHcloud for it: you approve it on OVHcloud's page, and your other rights stay as they are.
rehearsalPolicy = My service account's policy allows { $action }, so the temporary instance can be deleted.
rehearsalBusy = This backup is being tested now: you will be notified of the result.
rehearsalFailedOn = Restore test failed on { $date }
rehearsalVerified = Restore verified { $date } · { $duration } · at most { $cost }
rehearsalVerifiedNoPrice = Restore verified { $date } · { $duration }
attnRehearsalFailed = Its last restore test failed: the backup may not start. Test a newer backup, or take a new one.
why-noModelFits = No model in { $region } fits this backup, so it cannot be tested there.
why-rehearsalRunning = This backup is being tested now; wait for its result.
why-rehearsalNeedsAccess = Testing a backup needs permission to delete the temporary instance, which this connection does not have: press Allow restore tests in the test dialog.
why-confirmRehearsalPolicy = Check that your service account's policy allows { $action }, then tick the box.
why-portRange = Choose a port between 1 and 65535, or none.
desktop-trayRehearsalFailed = { $instance }: its last restore test failed
desktop-rehearsalPassedTitle = Restore test passed — { $instance }
desktop-rehearsalPassedPort = { $backup } started and answered on port { $port }, in { $duration }. The temporary instance was deleted.
desktop-rehearsalPassedActive = { $backup } started, in { $duration }. The temporary instance was deleted.
desktop-rehearsalFailedTitle = Restore test failed — { $instance }
desktop-rehearsalNoAnswer = { $backup } started but did not answer on port { $port } within { $minutes } min.
desktop-rehearsalDidNotBoot = { $backup } did not start: OVHcloud reports the instance as { $status }.
desktop-rehearsalBootTimedOut = { $backup } did not start within { $minutes } min.
desktop-rehearsalNoAddress = { $backup } started, but OVHcloud gave it no public IPv4 address to check.
desktop-rehearsalRefused = OVHcloud refused to create the temporary instance: { $ovh }
desktop-rehearsalUnanswered = OVHcloud did not answer the request to create the temporary instance.
desktop-rehearsalDeleted = The temporary instance was deleted.
desktop-rehearsalCleanedTitle = Restore test cleaned up
desktop-rehearsalCleanedBody = Backup Desk was closed during a restore test: it has now deleted the temporary instance { $names }.
desktop-rehearsalLeftTitle = A temporary instance is still billed
desktop-rehearsalLeftBody = OVHcloud refused to delete { $names }. Backup Desk tries again at its next start; you can also delete it in the OVHcloud Control Panel, under Instances.
testLatest = Test the latest backup
rehearsalNoBackup = { $instance } has no available backup to test yet.
rehearsalMonthly = Also test the latest backup of { $instance } every month, on the first Monday, at
rehearsalMonthlySaved = { $instance }'s latest backup will be tested on the first Monday of each month.
why-noBackupToTest = This instance has no available backup to test; create a backup first.
desktop-rehearsalNotStartedTitle = Monthly restore test of { $instance } not started
rehearsalAllow = Allow restore tests
rehearsalAllowWaiting = Approve the access on the OVHcloud page that opened; Backup Desk goes on by itself.
rehearsalAllowed = Restore tests are allowed: you can test backups now.
rehearsalHistory = Earlier restore tests of { $instance }
