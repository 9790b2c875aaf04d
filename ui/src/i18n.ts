// Every visible string, in English (the control panel's own words) and French.
export const en = {
  appName: "Backup Desk",
  navStorage: "Storage",
  navCompute: "Compute",
  navInstances: "Instances",
  navInstanceBackup: "Instance Backup",
  navWorkflows: "Workflow Management",
  project: "Project",
  language: "Language",
  demoBadge: "Demo cloud",
  demoTitle: "You are exploring a built-in demo cloud. Nothing here touches a real OVHcloud account.",
  accountBadge: "OVHcloud account ({endpoint})",
  instancesTitle: "Instances",
  instancesCaption: "Instances of {project}",
  colName: "Name",
  colRegion: "Region",
  colModel: "Model",
  colStatus: "Status",
  colActions: "Actions",
  actionsFor: "Actions for {name}",
  createBackup: "Create a backup",
  createAutoBackup: "Create an automatic backup",
  loadingProjects: "Loading projects…",
  loadingInstances: "Loading instances…",
  noProjects: "This account has no Public Cloud project.",
  noInstances: "There is no instance in this project yet.",
  retry: "Try again",
  close: "Close",
  comingNext: "Coming next",
  comingBackup:
    "Creating a backup of {name} will be available in the next version: name, pricing, warnings and Confirm, then a desktop notification when it is done.",
  comingAutoBackup:
    "Automatic backups of {name} will be available in the next version: the control panel's four-part form, with schedules in plain words and their cost.",
  comingSection: "This section arrives in the next version of Backup Desk.",
  metalNote: "Metal: cold snapshot only",
  iopsNote: "NVMe: root disk only",
  errNetwork: "The OVHcloud API cannot be reached. Check your internet connection, then try again.",
  errAuth: "OVHcloud refused the account's keys. Connect the account again.",
  errKeyring: "The system keyring could not be used: {message}",
  errGeneric: "Something went wrong: {message}",
  "status.ACTIVE": "Enabled",
  "status.BUILD": "Being created",
  "status.BUILDING": "Being created",
  "status.SNAPSHOTTING": "Backup instance creation",
  "status.REBUILD": "Re-installation",
  "status.RESCUE": "Rescue",
  "status.RESCUING": "Reboot (rescue)",
  "status.UNRESCUING": "Leaving rescue mode",
  "status.SHUTOFF": "Stopped",
  "status.STOPPED": "Stopped",
  "status.REBOOT": "Rebooting",
  "status.HARD_REBOOT": "Rebooting",
  "status.SUSPENDED": "Suspended",
  "status.PAUSED": "Paused",
  "status.SHELVED": "Shelved",
  "status.SHELVED_OFFLOADED": "Shelved",
  "status.DELETING": "Being deleted",
  "status.ERROR": "Error",
  "status.other": "{status}",
  backupDialogTitle: "Create a backup of {name}",
  backupName: "Backup name",
  backupNameHelp: "Required, at most 255 characters.",
  pricingTitle: "Pricing information",
  pricePerGb: "Price: ~{price}/month/GB ex. VAT",
  priceEstimate: "For this instance ({disk} GB disk): up to ~{total}/month, billed until you delete the backup.",
  priceUnknown: "The price could not be read from the OVHcloud catalog.",
  warnSuspend: "Your instance will be suspended for a few seconds, and the disk's read/write performance may be impacted until the backup is complete.",
  warnIops: "The backup only includes your root disk (operating system). None of the data stored on your NVMe devices will be backed up.",
  warnVolumes: "Additional volumes attached to the instance are not included in an instance backup.",
  metalTitle: "Metal instance: cold snapshot",
  metalText: "This instance is switched to rescue mode, backed up, then rebooted to normal mode. It is unavailable the whole time.",
  metalAck: "I understand that {name} will be unavailable during the backup",
  confirm: "Confirm",
  cancel: "Cancel",
  sending: "Sending…",
  backupStarted: "Backup of {name} started. You will be notified when it is ready.",
  backupRecovered: "The answer was lost, but the backup was found: it is running. No second backup was made.",
  backupBusy: "A backup of this instance is already in progress.",
  nameRequired: "Enter a name for the backup.",
  nameTooLong: "The name is too long: at most 255 characters.",
  nameControl: "The name cannot contain tabs or line breaks.",
  errUncertain: "{message}",
  backupsTitle: "Instance Backup",
  billingWarning: "An instance backup is billed until it is deleted, even after its instance is deleted.",
  loadingBackups: "Loading backups…",
  noBackups: "No backup yet. Create one from Instances → … → Create a backup.",
  noMatch: "No backup matches these filters.",
  filterText: "Search",
  filterStatus: "Status",
  filterRegion: "Region",
  filterAll: "All",
  colInstance: "Instance",
  colSize: "Size",
  colCreated: "Created",
  selectAll: "Select all backups shown",
  selectRow: "Select {name}",
  deleteSelected: "Delete ({count})",
  deleteTitle: "Delete {count} backup(s)?",
  deleteFrees: "This frees {size} GB and saves about {cost} per month.",
  deleteFreesNoPrice: "This frees {size} GB.",
  deleteIrreversible: "A deleted backup cannot be recovered.",
  deleteBlocked: "{name} cannot be deleted: it is installed on these running instances: {instances}.",
  deleteNotAvailable: "{name} cannot be deleted until it is available.",
  deleteDone: "{count} backup(s) deleted.",
  deleteFailed: "{name} was not deleted: {reason}",
  deleteAction: "Delete",
  cancelBackup: "Cancel backup",
  cancelTitle: "Cancel the backup {name}?",
  cancelText: "The backup stops and is not kept. Nothing else changes on the instance.",
  cancelDone: "Backup {name} cancelled.",
  deletedInstance: "deleted instance",
  orphanNote: "Its instance is gone; this backup is still billed.",
  elapsed: "{elapsed} elapsed",
  remaining: "about {left} left",
  almostDone: "almost done",
  "backupStatus.inProgress": "Backup in progress",
  "backupStatus.active": "Available",
  "backupStatus.deleting": "Deleting…",
  "backupStatus.failed": "Error",
  monthlyCost: "~{cost}/month",
  toastOpen: "Open",
  dismiss: "Dismiss",
  moreActions: "More actions for {name}",
  restoreInPlace: "Restore to this instance",
  restoreNew: "Create an instance from this backup",
  restoreTitle: "Restore {instance} from {backup}",
  restoreLoss: "Everything written on {instance} since {date} will be lost: the instance is reinstalled with this backup.",
  restoreSafety: "First take a safety backup of {instance} as it is now (recommended; billed like any backup)",
  restoreType: "Type {instance} to confirm",
  restoreStarted: "Restore of {instance} started. You will be notified when it is running again.",
  restoreSafetyStarted: "Safety backup of {instance} started; the restore follows when it is ready. You will be notified.",
  restoreNoInstance: "The instance this backup was taken of no longer exists: create a new instance from it instead.",
  newTitle: "Create an instance from {backup}",
  newName: "Instance name",
  newModel: "Model",
  newModelOption: "{name} — {vcpus} vCPU, {ram} GB RAM, {disk} GB disk",
  newNoModel: "No model in {region} has a disk large enough for this backup.",
  newKey: "SSH key",
  newNoKey: "None",
  newBilling: "Billing",
  newHourly: "Hourly",
  newMonthly: "Monthly",
  newRegion: "Region: {region} (the backup's region)",
  newStarted: "Creating {name} from {backup}. You will be notified when it is ready.",
} as const;

export type Key = keyof typeof en;

export const fr: Record<Key, string> = {
  appName: "Backup Desk",
  navStorage: "Stockage",
  navCompute: "Compute",
  navInstances: "Instances",
  navInstanceBackup: "Instance Backup",
  navWorkflows: "Gestion des workflows",
  project: "Projet",
  language: "Langue",
  demoBadge: "Cloud de démonstration",
  demoTitle: "Vous explorez un cloud de démonstration intégré. Rien ici ne touche un vrai compte OVHcloud.",
  accountBadge: "Compte OVHcloud ({endpoint})",
  instancesTitle: "Instances",
  instancesCaption: "Instances de {project}",
  colName: "Nom",
  colRegion: "Région",
  colModel: "Modèle",
  colStatus: "Statut",
  colActions: "Actions",
  actionsFor: "Actions pour {name}",
  createBackup: "Créer une sauvegarde",
  createAutoBackup: "Créer une sauvegarde automatique",
  loadingProjects: "Chargement des projets…",
  loadingInstances: "Chargement des instances…",
  noProjects: "Ce compte n'a aucun projet Public Cloud.",
  noInstances: "Ce projet n'a encore aucune instance.",
  retry: "Réessayer",
  close: "Fermer",
  comingNext: "Bientôt disponible",
  comingBackup:
    "La sauvegarde de {name} arrive dans la prochaine version : nom, prix, avertissements et Confirmer, puis une notification quand elle est terminée.",
  comingAutoBackup:
    "Les sauvegardes automatiques de {name} arrivent dans la prochaine version : le formulaire en quatre parties du panneau de contrôle, avec des planifications en clair et leur coût.",
  comingSection: "Cette section arrive dans la prochaine version de Backup Desk.",
  metalNote: "Metal : snapshot à froid uniquement",
  iopsNote: "NVMe : disque racine uniquement",
  errNetwork: "L'API OVHcloud est injoignable. Vérifiez votre connexion internet, puis réessayez.",
  errAuth: "OVHcloud a refusé les clés du compte. Reconnectez le compte.",
  errKeyring: "Le trousseau du système n'a pas pu être utilisé : {message}",
  errGeneric: "Une erreur est survenue : {message}",
  "status.ACTIVE": "Activée",
  "status.BUILD": "En cours de création",
  "status.BUILDING": "En cours de création",
  "status.SNAPSHOTTING": "Création de la sauvegarde de l'instance",
  "status.REBUILD": "Réinstallation",
  "status.RESCUE": "Secours",
  "status.RESCUING": "Redémarrage (secours)",
  "status.UNRESCUING": "Sortie du mode secours",
  "status.SHUTOFF": "Arrêtée",
  "status.STOPPED": "Arrêtée",
  "status.REBOOT": "Redémarrage",
  "status.HARD_REBOOT": "Redémarrage",
  "status.SUSPENDED": "Suspendue",
  "status.PAUSED": "En pause",
  "status.SHELVED": "Mise en réserve",
  "status.SHELVED_OFFLOADED": "Mise en réserve",
  "status.DELETING": "Suppression en cours",
  "status.ERROR": "Erreur",
  "status.other": "{status}",
  backupDialogTitle: "Créer une sauvegarde de {name}",
  backupName: "Nom de la sauvegarde",
  backupNameHelp: "Obligatoire, 255 caractères au plus.",
  pricingTitle: "Informations tarifaires",
  pricePerGb: "Prix : ~{price}/mois/Go HT",
  priceEstimate: "Pour cette instance (disque de {disk} Go) : jusqu'à ~{total}/mois, facturé jusqu'à la suppression de la sauvegarde.",
  priceUnknown: "Le prix n'a pas pu être lu dans le catalogue OVHcloud.",
  warnSuspend: "Votre instance sera suspendue quelques secondes, et les performances de lecture/écriture du disque peuvent être réduites jusqu'à la fin de la sauvegarde.",
  warnIops: "La sauvegarde ne comprend que votre disque racine (système d'exploitation). Aucune donnée de vos disques NVMe ne sera sauvegardée.",
  warnVolumes: "Les volumes supplémentaires attachés à l'instance ne sont pas inclus dans une sauvegarde d'instance.",
  metalTitle: "Instance Metal : snapshot à froid",
  metalText: "Cette instance passe en mode secours, est sauvegardée, puis redémarre en mode normal. Elle est indisponible pendant toute l'opération.",
  metalAck: "Je comprends que {name} sera indisponible pendant la sauvegarde",
  confirm: "Confirmer",
  cancel: "Annuler",
  sending: "Envoi…",
  backupStarted: "Sauvegarde de {name} lancée. Vous serez prévenu quand elle sera prête.",
  backupRecovered: "La réponse s'est perdue, mais la sauvegarde a été retrouvée : elle est en cours. Aucune seconde sauvegarde n'a été créée.",
  backupBusy: "Une sauvegarde de cette instance est déjà en cours.",
  nameRequired: "Saisissez un nom pour la sauvegarde.",
  nameTooLong: "Le nom est trop long : 255 caractères au plus.",
  nameControl: "Le nom ne peut pas contenir de tabulations ni de retours à la ligne.",
  errUncertain: "{message}",
  backupsTitle: "Instance Backup",
  billingWarning: "Une sauvegarde d'instance est facturée jusqu'à sa suppression, même après la suppression de son instance.",
  loadingBackups: "Chargement des sauvegardes…",
  noBackups: "Aucune sauvegarde pour l'instant. Créez-en une depuis Instances → … → Créer une sauvegarde.",
  noMatch: "Aucune sauvegarde ne correspond à ces filtres.",
  filterText: "Rechercher",
  filterStatus: "Statut",
  filterRegion: "Région",
  filterAll: "Tous",
  colInstance: "Instance",
  colSize: "Taille",
  colCreated: "Créée le",
  selectAll: "Sélectionner toutes les sauvegardes affichées",
  selectRow: "Sélectionner {name}",
  deleteSelected: "Supprimer ({count})",
  deleteTitle: "Supprimer {count} sauvegarde(s) ?",
  deleteFrees: "Cela libère {size} Go et économise environ {cost} par mois.",
  deleteFreesNoPrice: "Cela libère {size} Go.",
  deleteIrreversible: "Une sauvegarde supprimée ne peut pas être récupérée.",
  deleteBlocked: "{name} ne peut pas être supprimée : elle est installée sur ces instances en cours d'exécution : {instances}.",
  deleteNotAvailable: "{name} ne peut pas être supprimée avant d'être disponible.",
  deleteDone: "{count} sauvegarde(s) supprimée(s).",
  deleteFailed: "{name} n'a pas été supprimée : {reason}",
  deleteAction: "Supprimer",
  cancelBackup: "Annuler la sauvegarde",
  cancelTitle: "Annuler la sauvegarde {name} ?",
  cancelText: "La sauvegarde s'arrête et n'est pas conservée. Rien d'autre ne change sur l'instance.",
  cancelDone: "Sauvegarde {name} annulée.",
  deletedInstance: "instance supprimée",
  orphanNote: "Son instance n'existe plus ; cette sauvegarde est toujours facturée.",
  elapsed: "{elapsed} écoulées",
  remaining: "encore environ {left}",
  almostDone: "presque terminée",
  "backupStatus.inProgress": "Sauvegarde en cours",
  "backupStatus.active": "Disponible",
  "backupStatus.deleting": "Suppression…",
  "backupStatus.failed": "Erreur",
  monthlyCost: "~{cost}/mois",
  toastOpen: "Ouvrir",
  dismiss: "Fermer",
  moreActions: "Autres actions pour {name}",
  restoreInPlace: "Restaurer sur cette instance",
  restoreNew: "Créer une instance depuis cette sauvegarde",
  restoreTitle: "Restaurer {instance} depuis {backup}",
  restoreLoss: "Tout ce qui a été écrit sur {instance} depuis le {date} sera perdu : l'instance est réinstallée avec cette sauvegarde.",
  restoreSafety: "Prendre d'abord une sauvegarde de sécurité de {instance} dans son état actuel (recommandé ; facturée comme toute sauvegarde)",
  restoreType: "Saisissez {instance} pour confirmer",
  restoreStarted: "Restauration de {instance} lancée. Vous serez prévenu quand elle fonctionnera à nouveau.",
  restoreSafetyStarted: "Sauvegarde de sécurité de {instance} lancée ; la restauration suivra quand elle sera prête. Vous serez prévenu.",
  restoreNoInstance: "L'instance d'origine de cette sauvegarde n'existe plus : créez plutôt une nouvelle instance depuis la sauvegarde.",
  newTitle: "Créer une instance depuis {backup}",
  newName: "Nom de l'instance",
  newModel: "Modèle",
  newModelOption: "{name} — {vcpus} vCPU, {ram} Go de RAM, disque de {disk} Go",
  newNoModel: "Aucun modèle de {region} n'a un disque assez grand pour cette sauvegarde.",
  newKey: "Clé SSH",
  newNoKey: "Aucune",
  newBilling: "Facturation",
  newHourly: "À l'heure",
  newMonthly: "Au mois",
  newRegion: "Région : {region} (celle de la sauvegarde)",
  newStarted: "Création de {name} depuis {backup}. Vous serez prévenu quand elle sera prête.",
};

export type Lang = "en" | "fr";
const tables: Record<Lang, Record<Key, string>> = { en, fr };

let current: Lang = "en";

/** The language from a saved choice, else the system locale. */
export function initialLang(saved: string | null, systemLocale: string): Lang {
  if (saved === "en" || saved === "fr") return saved;
  return systemLocale.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function lang(): Lang {
  return current;
}

/** The string for `key` in the current language, with `{name}` placeholders filled. */
export function t(key: Key, vars: Record<string, string> = {}): string {
  return tables[current][key].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

/** An instance status in the control panel's words. */
export function statusLabel(status: string): string {
  const key = `status.${status}` as Key;
  return key in en ? t(key) : t("status.other", { status });
}

/** The tone of a status badge. */
export function statusTone(status: string): "ok" | "busy" | "bad" | "neutral" {
  if (status === "ACTIVE") return "ok";
  if (status === "ERROR") return "bad";
  if (["SHUTOFF", "STOPPED", "SUSPENDED", "PAUSED", "SHELVED", "SHELVED_OFFLOADED"].includes(status)) return "neutral";
  return "busy";
}

/** Money in the current language, e.g. "€0.50" or "0,50 €". */
export function money(amount: number, currency: string): string {
  const digits = amount < 1 ? 3 : 2;
  return new Intl.NumberFormat(current === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: digits }).format(amount);
}

/** A local date and time in the current language. */
export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat(current === "fr" ? "fr-FR" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** A duration in seconds, short: "45 s", "3 min", "1 h 05 min". */
export function duration(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  return `${Math.floor(s / 3600)} h ${String(Math.round((s % 3600) / 60)).padStart(2, "0")} min`;
}

/** Checks a backup name the way the Rust side does; returns the message key of the problem. */
export function nameProblem(name: string): Key | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return "nameRequired";
  if ([...trimmed].length > 255) return "nameTooLong";
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed)) return "nameControl";
  return null;
}
