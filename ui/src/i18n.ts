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
