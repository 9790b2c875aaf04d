## Backup Desk — French.
## Where the OVHcloud control panel shows the same thing, its own words in this language are
## used, from ovh/manager's translation files (Messages_<locale>.json):
##   packages/manager/apps/container/src/public/translations/sidebar (navigation)
##   packages/manager/apps/pci-instances/public/translations/{list,status,common}
##   packages/manager/apps/pci-workflow/public/translations/{listing,new}
##   packages/manager/modules/pci/src/projects/project/storages/instance-backups/translations
##     (and its instance-backup/delete and add folders)
##   packages/manager/modules/pci/src/projects/project/instances/instance/backup/translations
##   packages/manager/modules/common-translations/public/translations/{actions,status,region,form}
## French (Canada) reads this catalog, in Canadian formats (dates, "0,50 $"): the panel's
## Messages_fr_CA.json of the folders above were compared with fr_FR and no label used here
## differs; a difference found later goes in a fr-CA catalog of only what differs.
## Placeholders are Fluent variables ({ $name }); counts select their plural form.

appName = Backup Desk
navStorage = Stockage
navCompute = Compute
navInstances = Instances
navInstanceBackup = Instance Backup
navWorkflows = Gestion des workflows
project = Projet
language = Langue
demoBadge = Cloud de démonstration
demoTitle = Vous explorez un cloud de démonstration intégré. Rien ici ne touche un vrai compte OVHcloud.
accountBadge = Compte OVHcloud ({ $endpoint })
instancesTitle = Instances
instancesCaption = Instances de { $project }
colName = Nom
colRegion = Région
colModel = Modèle
colStatus = Statut
colActions = Actions
actionsFor = Actions pour { $name }
createBackup = Créer une sauvegarde
createAutoBackup = Créer une sauvegarde automatique
loadingProjects = Chargement des projets…
loadingInstances = Chargement des instances…
noProjects = Ce compte n'a aucun projet Public Cloud.
noInstances = Ce projet n'a encore aucune instance.
retry = Réessayer
close = Fermer
save = Enregistrer
metalNote = Metal : snapshot à froid uniquement
iopsNote = NVMe : disque racine uniquement
said-unreachable = L'API OVHcloud est injoignable. Vérifiez votre connexion internet, puis réessayez.
said-timedOut = OVHcloud n'a pas répondu à temps. Réessayez dans un instant.
said-unknownKey = OVHcloud ne connaît pas cette application key. Reconnectez-vous avec les clés d'une application existante.
said-badSignature = OVHcloud a refusé la signature : l'application secret n'appartient pas à cette application key. Reconnectez-vous avec le bon secret.
said-notApproved = Cet accès à OVHcloud n'a pas été approuvé, a expiré ou a été révoqué. Reconnectez-vous pour le renouveler.
said-clockSkew = L'horloge de cet ordinateur est trop éloignée de celle d'OVHcloud. Réglez la date et l'heure automatiquement, puis réessayez.
said-notGranted = Cet accès ne permet pas cette action. Reconnectez-vous pour accorder à Backup Desk les droits nécessaires.
said-unknownServiceAccount = OVHcloud ne reconnaît pas ce compte de service : vérifiez son client ID et son secret, puis reconnectez-vous.
said-slowDown = OVHcloud demande à Backup Desk de ralentir. Attendez une minute, puis réessayez.
said-quota = OVHcloud a refusé : une limite (quota) du projet est atteinte. Supprimez les sauvegardes dont vous n'avez plus besoin, ou augmentez le quota dans l'espace client OVHcloud.
said-busy = OVHcloud a refusé car une autre opération est en cours. Attendez quelques minutes, puis réessayez.
said-expired = Ce service OVHcloud a expiré. Renouvelez-le dans l'espace client OVHcloud, puis réessayez.
said-serverProblem = OVHcloud a rencontré un problème (erreur { $status }). Réessayez dans quelques minutes ; si cela dure, consultez status.ovhcloud.com.
said-refused = OVHcloud a refusé : { $ovh }. Corrigez ce qui est indiqué, ou réessayez plus tard.
said-unreadable = OVHcloud a envoyé une réponse que Backup Desk ne sait pas lire. Réessayez ; si cela dure, lancez Paramètres → Vérifier mon compte et envoyez le rapport au support.
said-demoDown = Le cloud de démonstration n'a pas pu démarrer. Quittez Backup Desk et rouvrez-le.
why-backupNameRequired = Un nom de sauvegarde est obligatoire.
why-backupNameTooLong = Un nom de sauvegarde a au plus { $max } caractères.
why-backupNameControl = Un nom de sauvegarde ne peut pas contenir de caractères de contrôle (tabulations, retours à la ligne).
why-backupInProgress = Une sauvegarde de cette instance est déjà en cours de création : attendez qu'elle apparaisse dans Instance Backup.
why-backupNotListedYet = OVHcloud a accepté la sauvegarde mais elle n'est pas encore listée ; actualisez dans un instant.
why-backupUnconfirmed = La demande de sauvegarde n'a pas eu de réponse et la vérification a échoué aussi ({ $lookup }) ; regardez dans Instance Backup avant de réessayer.
why-keepCount = Conservez entre 1 et 100 sauvegardes.
why-noAutomaticOnMetal = Les sauvegardes automatiques ne sont pas disponibles pour les instances Metal ; créez les sauvegardes à la main.
why-scheduleRefusedRestored = La nouvelle planification a été refusée ({ $refused }) ; l'ancienne a été remise.
why-scheduleRefusedLost = La nouvelle planification a été refusée ({ $refused }) et l'ancienne n'a pas pu être remise ({ $restoring }) : recréez-la.
why-chooseSchedule = Choisissez une planification.
why-chooseTime = Choisissez une heure entre 00:00 et 23:59.
why-dateOutOfRange = Date hors limites.
why-chooseDays = Choisissez au moins un jour.
why-daysRange = Les jours vont de 0 (dimanche) à 6 (samedi).
why-monthDay = Choisissez un jour entre 1 et 28, pour que chaque mois l'ait.
why-otherUtcDay = À cette heure, l'exécution tombe un autre jour en UTC : choisissez un autre jour ou une autre heure.
why-workflowNameRequired = Un nom est obligatoire.
why-workflowNameTooLong = Un nom a au plus 64 caractères.
why-workflowNameChars = Un nom ne peut contenir que des lettres, chiffres, tirets bas, tirets et points.
why-badCron = OVHcloud n'accepte pas cette planification ({ $detail }).
why-instanceGone = Cette instance n'existe plus.
why-volumeNotAttached = Un volume choisi n'est plus attaché à cette instance. Rouvrez la fenêtre.
why-partGone = Ce snapshot de volume ne fait plus partie de son ensemble de sauvegarde.
why-partNotReady = Ce snapshot de volume est en cours de création. Supprimez-le une fois prêt.
why-partRestoring = Ce snapshot de volume est déjà en cours de restauration.
why-confirmColdSnapshot = Une instance Metal est indisponible pendant son snapshot à froid : confirmez que vous l'acceptez.
why-chooseInstance = Choisissez au moins une instance.
why-workflowGone = Cette sauvegarde automatique n'existe plus ; actualisez la liste.
why-backupGone = Cette sauvegarde n'existe plus.
why-typeInstanceName = Saisissez le nom de l'instance, { $name }, pour confirmer.
why-typeVolumeName = Saisissez le nom du volume, { $name }, pour confirmer.
why-onlyAvailableRestored = Seule une sauvegarde disponible peut être restaurée.
why-otherRegion = Cette sauvegarde est dans { $backup } et l'instance dans { $instance } : restaurez plutôt dans une nouvelle instance.
why-newInstanceName = Un nom d'instance est obligatoire (255 caractères au plus, sans caractère de contrôle).
why-chooseModelIn = Choisissez un modèle dans { $region }, la région de la sauvegarde.
why-modelTooSmall = Le disque du modèle { $model } ({ $disk } Go) est plus petit que ce que demande la sauvegarde ({ $needs } Go).
why-safetyBackupFailed = La sauvegarde de sécurité a échoué.
why-consumerKeyRequired = Une consumer key est obligatoire.
why-keyringTask = La tâche du trousseau a échoué : { $detail }.
why-chooseEndpoint = Choisissez Europe, Canada ou États-Unis, ou saisissez une URL d'endpoint commençant par https://.
why-onlyWebPages = Seules des pages web peuvent être ouvertes.
why-fieldRequired = { $field } : ce champ est obligatoire.
why-fieldSpaces = { $field } ne peut pas contenir d'espaces : copiez la valeur de nouveau depuis OVHcloud.
why-consumerKeyUnusable = Cette consumer key n'est pas utilisable (état : { $state }) : reconnectez-vous.
why-noBuiltinApp = Cette version de Backup Desk ne peut pas se connecter à cette région. Connectez-vous plutôt avec des clés (Pour le service informatique).
why-noApprovalPage = OVHcloud n'a pas donné de page d'approbation pour cette demande.
why-nothingWaiting = Aucune connexion n'attend d'approbation.
why-accessRefused = La demande d'accès a été refusée ou a expiré : reconnectez-vous.
why-noKeysToImport = Aucune clé OVH n'a été trouvée à importer.
why-chooseCountry = Choisissez l'un de ceux-ci : { $choices }.
why-countryNotSaved = Le pays n'a pas pu être enregistré ({ $detail }) ; choisissez-le de nouveau.
why-startAtLogin = Impossible de modifier le lancement à l'ouverture de session : { $detail }.
why-settingsNotSaved = Impossible d'enregistrer les préférences : { $detail }.
why-noLogsFolder = Pas de dossier de journaux : { $detail }.
why-folderNotCreated = Impossible de créer { $path } : { $detail }.
why-folderNotOpened = Impossible d'ouvrir { $path } : { $detail }.
why-noSaveFolder = Aucun dossier où enregistrer : { $detail }.
why-reportNotSaved = Impossible d'enregistrer le rapport dans { $path } : { $detail }.
said-keyringUnavailable = Aucun trousseau n'est disponible. Installez ou démarrez un Secret Service (GNOME Keyring ou KWallet ; sur Debian ou Ubuntu : sudo apt install gnome-keyring), puis réessayez.
said-keyringLocked = Le trousseau est verrouillé : déverrouillez-le, puis réessayez.
said-keyringRefused = Le trousseau a refusé : { $detail }.
said-internal = Backup Desk n'a pas pu préparer cette demande ({ $detail }). Réessayez ; si cela dure, lancez Paramètres → Vérifier mon compte et envoyez le rapport au support.
status-ACTIVE = Activée
status-BUILD = En cours de création
status-BUILDING = En cours de création
status-SNAPSHOTTING = Création de la sauvegarde de l'instance
status-REBUILD = Réinstallation
status-RESCUE = Secours
status-RESCUING = Redémarrage (secours)
status-UNRESCUING = Sortie du mode secours
status-SHUTOFF = Arrêtée
status-STOPPED = Arrêtée
status-REBOOT = Redémarrage
status-HARD_REBOOT = Redémarrage
status-SUSPENDED = Suspendue
status-PAUSED = En pause
status-SHELVED = Mise en réserve
status-SHELVED_OFFLOADED = Mise en réserve
status-DELETING = Suppression en cours
status-ERROR = Erreur
status-other = { $status }
backupDialogTitle = Créer une sauvegarde de { $name }
backupName = Nom de la sauvegarde
backupNameHelp = Obligatoire, 255 caractères au plus.
pricingTitle = Informations tarifaires
pricePerGb = Prix : ~{ $price }/mois/Go HT
priceEstimate = Pour cette instance (disque de { $disk } Go) : jusqu'à ~{ $total }/mois, facturé jusqu'à la suppression de la sauvegarde.
priceUnknown = Prix non disponible : le catalogue OVHcloud de votre pays n'a pas de prix de sauvegarde pour cette région, ou votre pays n'est pas encore connu (Paramètres → Compte).
warnSuspend = Votre instance sera suspendue quelques secondes, et les performances de lecture/écriture du disque peuvent être réduites jusqu'à la fin de la sauvegarde.
warnIops = La sauvegarde ne comprend que votre disque racine (système d'exploitation). Aucune donnée de vos disques NVMe ne sera sauvegardée.
metalTitle = Instance Metal : snapshot à froid
metalText = Cette instance passe en mode secours, est sauvegardée, puis redémarre en mode normal. Elle est indisponible pendant toute l'opération.
metalAck = Je comprends que { $name } sera indisponible pendant la sauvegarde
confirm = Confirmer
cancel = Annuler
sending = Envoi…
backupStarted = Sauvegarde de { $name } lancée. Vous serez prévenu quand elle sera prête.
backupRecovered = La réponse s'est perdue, mais la sauvegarde a été retrouvée : elle est en cours. Aucune seconde sauvegarde n'a été créée.
backupBusy = Une sauvegarde de cette instance est déjà en cours.
nameRequired = Saisissez un nom pour la sauvegarde.
nameTooLong = Le nom est trop long : 255 caractères au plus.
nameControl = Le nom ne peut pas contenir de tabulations ni de retours à la ligne.
backupsTitle = Instance Backup
billingWarning = Une sauvegarde d'instance est facturée jusqu'à sa suppression, même après la suppression de son instance.
loadingBackups = Chargement des sauvegardes…
noBackups = Aucune sauvegarde pour l'instant. Créez-en une depuis Instances → … → Créer une sauvegarde.
noMatch = Aucune sauvegarde ne correspond à ces filtres.
filterText = Rechercher
filterStatus = Statut
filterRegion = Région
filterAll = Tous
colInstance = Instance
colSize = Taille
colCreated = Créée le
selectAll = Sélectionner toutes les sauvegardes affichées
selectRow = Sélectionner { $name }
deleteSelected = Supprimer ({ $count })
deleteTitle = { $count ->
    [one] Supprimer { $count } sauvegarde ?
   *[other] Supprimer { $count } sauvegardes ?
}
deleteFrees = Cela libère { $size } Go et économise environ { $cost } par mois.
deleteFreesNoPrice = Cela libère { $size } Go.
deleteIrreversible = Une sauvegarde supprimée ne peut pas être récupérée.
deleteLast = Après cela, { $instances } n'aura plus aucune sauvegarde.
deleteLastConfirm = Supprimer quand même : je comprends qu'il n'y aura plus de sauvegarde à restaurer.
deleteBlocked = { $name } ne peut pas être supprimée : elle est installée sur ces instances en cours d'exécution : { $instances }.
volumesTitle = { $count ->
        [one] Son volume supplémentaire, sauvegardé avec elle
       *[other] Ses { $count } volumes supplémentaires, sauvegardés avec elle
    }
volumeChoice = { $name } · { $size } Go
volumeChoiceCost = { $name } · { $size } Go · jusqu'à ~{ $cost }/mois
volumesHelp = Un snapshot de chaque volume coché est pris en même temps, nommé d'après cette sauvegarde, et annoncé avec elle. Les volumes non cochés ne sont pas sauvegardés.
volumesUnknown = Les volumes attachés à cette instance n'ont pas pu être listés : cette sauvegarde ne couvre que le disque de l'instance.
setParts = { $count ->
        [one] Ensemble de sauvegarde · 1 partie
       *[other] Ensemble de sauvegarde · { $count } parties
    }
partInstance = Disque de l'instance · { $size }
partVolume = Volume { $name } · { $size }
setCost = ensemble complet ~{ $cost }/mois
partMissing = Non créé
deletePart = Supprimer ce snapshot de volume
deletePartTitle = Supprimer le snapshot de { $name } de { $set } ?
deletePartText = Les autres parties de { $set } sont conservées.
deletePartDone = Snapshot de { $name } supprimé
restorePartStarted = Restauration de { $name } vers { $instance }. Vous serez averti une fois le volume attaché.
restorePartBilled = Le nouveau volume est facturé comme tout volume jusqu'à sa suppression.
restoreSetNote = Cet ensemble de sauvegarde contient aussi { $volumes }. Restaurer l'instance laisse ses volumes tels quels : restaurez chacun d'eux depuis l'ensemble.
restorePartTarget = L'attacher à
restorePartText = Un nouveau volume de { $size } est créé depuis ce snapshot et attaché à l'instance choisie. Rien n'est écrasé : { $name } reste tel quel. Montez le nouveau volume pour lire ses fichiers.
restorePartTitle = Restaurer { $name } depuis { $set }
restorePart = Restaurer dans un nouveau volume
restorePartInPlaceStarted = Restauration de { $name } à sa place sur { $instance }. Vous serez averti une fois le volume attaché.
restorePartInPlaceConfirm = Restaurer à la place
restorePartType = Saisissez { $name } pour confirmer
restorePartInPlaceWarn = Avant de confirmer, arrêtez ce qui utilise { $name } sur { $instance } et démontez-le : détacher un volume en cours d'utilisation peut perdre ce qui y est en train d'être écrit.
restorePartInPlaceText = Un nouveau volume de { $size } est créé depuis ce snapshot et attaché à { $instance } à la place de { $name }. { $name } est détaché et conservé tel quel : rien n'est écrasé, aucune sauvegarde de sécurité n'est donc nécessaire. Il est facturé jusqu'à sa suppression.
restorePartInPlaceNone = { $name } n'est plus attaché à { $instance } : il ne peut être restauré que dans un nouveau volume.
restorePartInPlace = À la place de { $name } sur { $instance }
restorePartAsNew = Dans un nouveau volume, à côté de l'existant
restorePartHow = Comment le restaurer
restorePartOpen = Restaurer…
deleteSetParts = { $count ->
        [one] avec le snapshot de son volume { $volumes }
       *[other] avec les snapshots de ses { $count } volumes : { $volumes }
    }
autoVolumesNote = Les sauvegardes automatiques d'OVHcloud ne copient que le disque de l'instance : { $volumes } non inclus. Sauvegardez-les avec Créer une sauvegarde.
volumesUnprotected = Volumes non protégés : { $volumes }. Les sauvegardes automatiques les omettent ; Sauvegarder maintenant les inclut.
deleteNotAvailable = { $name } ne peut pas être supprimée avant d'être disponible.
deleteGone = { $name } ne peut pas être supprimée : elle n'existe plus.
deleteNoLongerPlanned = { $name } est conservée : elle ne fait plus partie des sauvegardes de cette planification.
deleteDone = { $count ->
    [one] { $count } sauvegarde supprimée.
   *[other] { $count } sauvegardes supprimées.
}
deleteFailed = { $name } n'a pas été supprimée : { $reason }
deleteAction = Supprimer
cancelBackup = Annuler la sauvegarde
cancelTitle = Annuler la sauvegarde { $name } ?
cancelText = La sauvegarde s'arrête et n'est pas conservée. Rien d'autre ne change sur l'instance.
cancelDone = Sauvegarde { $name } annulée.
deletedInstance = instance supprimée
instanceUnknown = instance inconnue
nameHint = d'après le nom
nameHintHelp = OVH n'indique pas de quelle instance vient une sauvegarde : celle-ci est rapprochée par son nom, pas par un enregistrement.
orphanNote = Son instance n'existe plus ; cette sauvegarde est toujours facturée.
elapsed = { $elapsed } écoulées
remaining = encore environ { $left }
almostDone = presque terminée
backupStatus-inProgress = Sauvegarde en cours
backupStatus-active = Disponible
backupStatus-deleting = Suppression…
backupStatus-failed = Erreur
monthlyCost = ~{ $cost }/mois
toastOpen = Ouvrir
dismiss = Fermer
moreActions = Autres actions pour { $name }
restoreInPlace = Restaurer sur cette instance
restoreNew = Créer une instance depuis cette sauvegarde
restoreTitle = Restaurer { $instance } depuis { $backup }
restoreLoss = Tout ce qui a été écrit sur { $instance } depuis le { $date } sera perdu : l'instance est réinstallée avec cette sauvegarde.
restoreSafety = Prendre d'abord une sauvegarde de sécurité de { $instance } dans son état actuel (recommandé ; facturée comme toute sauvegarde)
restoreType = Saisissez { $instance } pour confirmer
restoreStarted = Restauration de { $instance } lancée. Vous serez prévenu quand elle fonctionnera à nouveau.
restoreSafetyStarted = Sauvegarde de sécurité de { $instance } lancée ; la restauration suivra quand elle sera prête. Vous serez prévenu.
restoreNoInstance = L'instance d'origine de cette sauvegarde n'existe plus : créez plutôt une nouvelle instance depuis la sauvegarde.
newTitle = Créer une instance depuis { $backup }
newName = Nom de l'instance
newModel = Modèle
newModelOption = { $name } — { $vcpus } vCPU, { $ram } Go de RAM, disque de { $disk } Go
newNoModel = Aucun modèle de { $region } n'a un disque assez grand pour cette sauvegarde.
newKey = Clé SSH
newNoKey = Aucune
newBilling = Facturation
newMore = Plus d'options
newChooseModel = Choisissez un modèle
newOriginalModel = { $model } est le modèle de { $instance }.
newPriceHourly = Prix : { $hour } HT par heure, jusqu'à { $month } par mois, facturé jusqu'à la suppression de l'instance.
newPriceMonthly = Prix : { $month } HT par mois, facturé au mois jusqu'à la suppression de l'instance.
newPriceUnknown = Prix non disponible : le catalogue OVHcloud de votre pays n'a pas de prix pour ce modèle, ou votre pays n'est pas encore connu (Paramètres → Compte).
newHourly = À l'heure
newMonthly = Au mois
newRegion = Région : { $region } (celle de la sauvegarde)
newStarted = Création de { $name } depuis { $backup }. Vous serez prévenu quand elle sera prête.
navOverview = Vue de la protection
autoTitle = Créer une sauvegarde automatique
autoPart1 = 1. Ce qu'elle fait
autoWorkflowText = Sauvegarde l'instance et son volume principal, sur les serveurs d'OVHcloud, que cet ordinateur soit allumé ou non.
autoWorkflowNote = Les volumes supplémentaires et les données des disques NVMe ne sont pas inclus.
autoPart2 = 2. Quelles instances
autoMetal = Metal : pas de sauvegarde automatique (sauvegardez-la à la main depuis Instances)
autoAlready = déjà planifiée : { $names }
autoPart3 = 3. La planification
presetCustom = Planification personnalisée
repeatDaily = Tous les jours
repeatWeekly = Certains jours
repeatMonthly = Un jour du mois
repeatLabel = Répéter
atTime = À (votre heure, { $zone })
dayOfMonth = Jour du mois (1–28)
keepLabel = Conserver les
advancedCron = Avancé : motif cron (5 champs, UTC)
advancedHelp = Laissez vide pour utiliser les choix ci-dessus.
autoPart4 = 4. Le nom
autoNameHelp = Lettres, chiffres, tirets bas (_), tirets (-) et points (.) uniquement.
autoNameBad = Le nom ne peut contenir que des lettres, chiffres, tirets bas, tirets et points.
autoNoInstance = Choisissez au moins une instance.
autoSeveral = { $count } instances : une sauvegarde automatique chacune, nommée { $name }-<instance>.
previewTitle = Ce qui va se passer
autoLead = Sauvegarder { $names } —
autoCostTail = — jusqu'à ~{ $total }/mois
changeTime = Changer l'heure
changeKeep = Changer le nombre conservé
alsoOthers = Sauvegarder aussi d'autres instances
changeName = Changer le nom
nextRunsTitle = Prochaines exécutions
warnDst = Changement d'heure : à partir du { $date }, l'exécution a lieu à { $time }, votre heure.
warnBusiness = Certaines exécutions tombent pendant les heures de bureau : l'instance se fige quelques secondes au début de la sauvegarde.
costLine = Chaque sauvegarde : jusqu'à ~{ $each }/mois. Avec { $keep } conservées : jusqu'à ~{ $total }/mois.
autoCreated = Sauvegarde automatique { $name } créée.
autoFailed = { $name } n'a pas été créée : { $error }
schedDaily = Tous les jours à { $time }, heure de { $city }
schedWeekly = Chaque { $days } à { $time }, heure de { $city }
schedWeekdays = Chaque jour de semaine (du lundi au vendredi) à { $time }, heure de { $city }
schedMonthly = Le { $day } de chaque mois à { $time }, heure de { $city }
schedCustom = Planification personnalisée
schedCron = (cron { $cron } UTC)
schedKeeps = conserve les { $keep } dernières
day-0 = dimanche
day-1 = lundi
day-2 = mardi
day-3 = mercredi
day-4 = jeudi
day-5 = vendredi
day-6 = samedi
workflowsTitle = Gestion des workflows
noWorkflows = Aucune sauvegarde automatique pour l'instant.
loadingWorkflows = Chargement des sauvegardes automatiques…
colSchedule = Planification
colNextRun = Prochaine exécution
colLastRun = Dernière exécution
checkNow = Vérifier maintenant
refresh = Actualiser
refreshTitle = Relire toutes les données depuis OVHcloud
edit = Modifier
editTitle = Modifier { $name }
editNote = OVHcloud ne sait pas modifier une planification : Confirmer supprime celle-ci et crée la nouvelle. Si la nouvelle est refusée, celle-ci est remise en place.
editDone = { $name } modifiée.
history = Historique
noRuns = Aucune exécution pour l'instant.
deleteWfTitle = { $count ->
    [one] Supprimer { $count } sauvegarde automatique ?
   *[other] Supprimer { $count } sauvegardes automatiques ?
}
deleteWfKeep = Les sauvegardes déjà créées sont conservées (et facturées), sauf si vous cochez la case ci-dessous.
deleteWfAlso = Supprimer aussi les sauvegardes créées par ces planifications
deleteWfDone = { $count ->
    [one] { $count } sauvegarde automatique supprimée.
   *[other] { $count } sauvegardes automatiques supprimées.
}
wfBackupsLoading = Recherche des sauvegardes créées par ces planifications…
wfBackupsHow = OVH n'enregistre pas quelles sauvegardes une planification a créées. Voici celles dont le nom est le nom de sauvegarde de la planification suivi d'une date, dans sa région. Les sauvegardes créées avec Backup Desk n'en font jamais partie. Décochez celles que vous voulez garder.
wfBackupsOf = { $workflow } : sauvegardes nommées « { $base } <date> » dans { $region }
wfBackupsNone = { $workflow } : aucune sauvegarde nommée « { $base } <date> » dans { $region }. Rien d'autre ne sera supprimé.
wfBackupsTotal = { $count ->
        [one] { $count } sauvegarde
       *[other] { $count } sauvegardes
    } à supprimer, { $size }, { $cost } par mois
priceNotAvailable = prix non disponible
deleteReportTitle = Supprimé
deleteReportDeleted = { $workflows ->
        [one] { $workflows } sauvegarde automatique
       *[other] { $workflows } sauvegardes automatiques
    } et { $backups ->
        [one] { $backups } sauvegarde supprimée
       *[other] { $backups } sauvegardes supprimées
    }.
deleteReportKept = Toujours facturées : { $count ->
        [one] { $count } sauvegarde
       *[other] { $count } sauvegardes
    } de ces planifications, { $size }. Supprimez-les depuis Instance Backup quand vous n'en avez plus besoin.
deleteReportNothingKept = Il ne reste aucune sauvegarde de ces planifications.
run-success = Réussie
run-error = Échouée
run-running = En cours
run-canceled = Annulée
run-idle = En attente
run-paused = En pause
overviewTitle = Vue de la protection
overviewSummary = { $ok } { $ok ->
        [one] instance protégée
       *[other] instances protégées
    } sur { $total } ; { $warn } à surveiller ; { $none } sans sauvegarde automatique.
loadingOverview = Vérification de chaque instance…
colProject = Projet
colAutomatic = Sauvegarde automatique
colLastGood = Dernière bonne sauvegarde
protOk = Protégée
protWarning = À surveiller
protNone = Pas de sauvegarde automatique
backUpNow = Sauvegarder maintenant
attnLastRunFailed = La dernière sauvegarde automatique a échoué.
attnQuota = OVHcloud signale une limite (quota) atteinte en { $region }. Supprimez-y les sauvegardes dont vous n'avez plus besoin, ou augmentez le quota du projet dans l'espace client OVHcloud.
attnSuspended = OVHcloud signale le projet { $project } comme suspendu, le plus souvent pour une facture impayée : ses sauvegardes peuvent échouer jusqu'à sa réactivation. L'espace client OVHcloud en donne la raison.
regionMaintenance = OVHcloud signale { $region } en maintenance : la sauvegarde peut être refusée ou plus longue. Si elle est refusée, réessayez plus tard.
regionDown = OVHcloud signale { $region } comme indisponible : la sauvegarde peut être refusée. Si c'est le cas, réessayez plus tard.
showBackupsIn = Voir les sauvegardes en { $region }
openQuotaPage = Ouvrir la page des quotas
openControlPanel = Ouvrir l'espace client
adviceDetails = Détails
ovhSaid = Message d'OVHcloud : « { $text } »
attnOverdue = Aucune sauvegarde automatique n'a eu lieu comme prévu.
none = Aucune
never = Jamais
ago = il y a { $age }
justNow = à l'instant
navSettings = Paramètres
navAccount = Compte
connectAccount = Connecter votre compte
reconnect = Se reconnecter
accountTitle = Compte
loadingAccount = Chargement du compte…
noAccount = Aucun compte n'est connecté.
regionEu = Europe (ovh-eu)
regionCa = Canada (ovh-ca)
regionUs = États-Unis (ovh-us)
advanced = Avancé
details = Détails
customEndpoint = URL d'endpoint personnalisée
customEndpointHelp = Seulement si le support OVHcloud vous a donné une autre adresse d'API. Laissez vide pour utiliser la région ci-dessus.
waysIn = Comment se connecter
wayConnect = Se connecter (recommandé)
wayKeys = J'ai déjà des clés
wayService = Compte de service
welcomeTitle = Connectez votre compte OVHcloud
welcomeText = Vous explorez le cloud de démonstration : rien n'y est réel. Connectez votre compte OVHcloud pour sauvegarder vos propres instances. La démo reste disponible d'ici là.
accountRegion = Région OVHcloud du compte
keyringPromise = Les clés sont gardées uniquement dans le trousseau de cet ordinateur, jamais dans un fichier. La déconnexion les supprime.
importTitle = Clés trouvées sur cet ordinateur
importKeysText = Des clés d'API pour { $endpoint } ont été trouvées dans { $sources }. Les importer dans le trousseau ? Elles sont d'abord vérifiées auprès d'OVHcloud.
importServiceText = Un compte de service pour { $endpoint } a été trouvé dans { $sources }. L'importer dans le trousseau ? Il est d'abord vérifié auprès d'OVHcloud.
importButton = Vérifier et importer
checking = Vérification auprès d'OVHcloud…
connected = Votre compte OVHcloud est connecté.
connectedLimited = Connecté, mais ces clés ne permettent pas certaines fonctions : voir Paramètres → Compte.
createAppLink = Créer une application sur OVHcloud
createTokenLink = Créer des clés sur OVHcloud
applicationKey = Application key
applicationSecret = Application secret
consumerKey = Consumer key
clientId = Client ID
clientSecret = Client secret
connectStep1 = Créez une application sur OVHcloud (nommez-la « Backup Desk »). Elle vous donne une application key et un application secret.
connectStep2 = Collez-les ci-dessous et appuyez sur Se connecter.
connectStep3 = Approuvez l'accès sur la page OVHcloud qui s'ouvre. Backup Desk ne demande que ce dont il a besoin : lire vos projets Public Cloud, et créer, restaurer et supprimer des sauvegardes. Il demande aussi à lire le pays de votre compte (rien d'autre sur vous), pour afficher les prix du catalogue de votre pays, dans votre devise.
connectButton = Se connecter
signInButton = Se connecter avec OVHcloud
signInText = Votre navigateur ouvre la page de connexion d'OVHcloud : connectez-vous, puis autorisez Backup Desk. Il n'y a rien à copier ni à coller.
forItStaff = Pour le service informatique : clés d'application, jetons et comptes de service
checkAndSave = Vérifier et enregistrer
keysText = Utilisez les trois clés créées sur la page « créer des clés » d'OVHcloud (par exemple pour un script). Elles sont vérifiées auprès d'OVHcloud avant tout enregistrement.
serviceText = Pour un compte de service créé par votre administrateur (OAuth2 client credentials). Ses droits viennent des politiques IAM qui lui sont attachées.
waitingTitle = En attente de votre approbation sur OVHcloud…
waitingText = Connectez-vous sur la page OVHcloud ouverte dans votre navigateur et approuvez l'accès. Cette fenêtre continue d'elle-même.
openApprovalAgain = Rouvrir la page d'approbation
tryAgain = Réessayer
featureBrowse = Voir les projets, instances et sauvegardes
featureCreate = Créer des sauvegardes
featureCancel = Annuler une sauvegarde en cours
featureDelete = Supprimer des sauvegardes
featureRestore = Restaurer des sauvegardes
featureAutomatic = Créer et supprimer des sauvegardes automatiques
featureVolumes = Sauvegarder les volumes supplémentaires avec leur instance
accountName = Compte OVHcloud
accountMethod = Connecté avec
methodKeys = Clés d'API
methodService = Compte de service
accountExpiry = Fin de l'accès
noExpiry = Jamais (jusqu'à révocation)
tokenRenewed = Jetons renouvelés automatiquement
accountProjects = Projets visibles
connectedTitle = Connecté à OVHcloud
missingTitle = Ces clés ne permettent pas de :
missingFix = Pour utiliser ces fonctions, déconnectez-vous et reconnectez-vous avec « Se connecter (recommandé) ».
rulesTitle = Droits accordés ({ $count })
checkTitle = Vérifier mon compte
unreadableNote = { $count ->
    [one] { $count } élément envoyé par OVHcloud n'a pas pu être lu et n'est pas listé ; tout le reste l'est.
   *[other] { $count } éléments envoyés par OVHcloud n'ont pas pu être lus et ne sont pas listés ; tout le reste l'est.
}
checkHelp = Lit chaque partie de l'API OVHcloud qu'utilise Backup Desk, sans rien modifier, et indique ce qui a fonctionné et ce qui n'a pas pu être lu. Le rapport ne contient ni clé, ni identifiant, ni nom : vous pouvez nous l'envoyer tel quel.
checkAccount = Vérifier mon compte
checkRunning = Lecture de chaque projet et région…
checkAllGood = Tout ce que lit Backup Desk a été lu.
checkProblems = { $count ->
    [one] { $count } partie de l'API a répondu quelque chose que Backup Desk n'a pas pu lire entièrement. Le reste s'affiche quand même.
   *[other] { $count } parties de l'API ont répondu quelque chose que Backup Desk n'a pas pu lire entièrement. Le reste s'affiche quand même.
}
copyReport = Copier le rapport
saveReport = Enregistrer le rapport
reportCopied = Rapport copié.
reportSaved = Rapport enregistré :
priceCountryTitle = Prix des sauvegardes
priceCountryFromAccount = Les prix viennent du catalogue OVHcloud de ce pays : { $country }, le pays de votre compte.
priceCountryAsk = Vos clés ne permettent pas à Backup Desk de lire le pays de votre compte : aucun prix n'est affiché pour l'instant. Choisissez le pays de votre compte OVHcloud : les prix viendront de son catalogue, dans sa devise.
priceCountryChosen = Les prix viennent du catalogue du pays que vous avez choisi. Changez-le si votre compte OVHcloud est dans un autre pays.
priceCountryLabel = Pays de votre compte OVHcloud
priceCountrySaved = Les prix viennent maintenant du catalogue de ce pays : { $country }.
countryQC = Québec
countryWE = International (anglais)
countryWS = International (espagnol)
countryASIA = Asie
rulesIam = Les droits viennent des politiques IAM du compte de service.
signOut = Se déconnecter
signOutTitle = Se déconnecter d'OVHcloud ?
signOutText = Backup Desk oublie les clés sur cet ordinateur. Vos sauvegardes et sauvegardes automatiques restent chez OVHcloud et continuent. Le cloud de démonstration reste disponible.
signedOut = Déconnecté. Les clés ont été supprimées de cet ordinateur.
navPreferences = Préférences
prefsTitle = Préférences
loadingPrefs = Chargement des préférences…
prefsSaved = Enregistré.
langSystem = Comme le système
prefsGeneral = Général
prefsLogin = Lancer Backup Desk à l'ouverture de session
prefsLoginHelp = Il démarre dans la zone de notification, sans fenêtre, et continue de vous informer des sauvegardes et des exécutions planifiées.
loginAsk = Lancer Backup Desk à l'ouverture de session ? Il doit être lancé pour vous prévenir quand une sauvegarde automatique s'exécute ou échoue.
loginYes = Lancer à l'ouverture de session
loginNo = Pas maintenant
loginOff = Backup Desk ne se lance pas à l'ouverture de session : tant qu'il est fermé, vous n'êtes pas prévenu des sauvegardes automatiques.
prefsNotifications = Notifications
prefsQuiet = Ne pas déranger pour les réussites
prefsQuietHelp = Pas de notification quand une sauvegarde ou une exécution planifiée réussit. Les échecs et les exécutions manquées sont toujours affichés.
prefsLogs = Journaux
prefsLogsText = Ce que Backup Desk a fait, jour par jour (les 7 derniers jours sont gardés). Utile pour le support OVHcloud ; ils ne contiennent jamais vos clés.
openLogs = Ouvrir le dossier des journaux
quitTitle = Quitter pendant la demande d'une sauvegarde ?
quitText = Une sauvegarde vient d'être demandée et OVHcloud n'a pas encore répondu. Si vous quittez maintenant, Backup Desk la vérifiera au prochain démarrage, mais vous ne serez pas prévenu d'ici là.
quitAnyway = Quitter quand même
showMore = Afficher { $count } de plus ({ $shown } sur { $total } affichées)
sizeGb = { $size } Go
ageDays = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
queryId = (identifiant de requête { $id })

## Le bureau : notifications, zone de notification et message de démarrage (lus par src-tauri/src/words.rs ; identifiants en desktop-).
desktop-open = Ouvrir
desktop-trayLoginOff = Pas lancé à l'ouverture de session : les sauvegardes automatiques ne sont signalées que s'il est lancé. Modifier…
desktop-trayOpen = Ouvrir Backup Desk
desktop-trayBackup = Sauvegarder une instance…
desktop-trayQuit = Quitter
desktop-trayAllProtected = { $count ->
        [one] L'instance est protégée
       *[other] Les { $count } instances sont protégées
    }
desktop-trayAttention = { $count ->
        [one] 1 instance demande votre attention
       *[other] { $count } instances demandent votre attention
    }
desktop-trayUnscheduled = { $count ->
        [one] 1 instance sans sauvegarde automatique
       *[other] { $count } instances sans sauvegarde automatique
    }
desktop-trayFailed = { $instance } : la dernière sauvegarde automatique a échoué
desktop-trayFailedQuota = { $instance } : la dernière sauvegarde automatique a échoué, une limite (quota) est atteinte
desktop-trayOverdue = { $instance } : aucune sauvegarde automatique n'a eu lieu à l'heure prévue
desktop-trayBackingUp = { $count ->
        [one] Sauvegarde de { $instance }…
       *[other] Sauvegarde de { $count } instances…
    }
desktop-trayRestoring = { $count ->
        [one] Restauration de { $instance }…
       *[other] Restauration de { $count } instances…
    }
desktop-backupReadyTitle = { $instance } sauvegardée
desktop-backupReadyBody = { $name } · { $size } en { $duration }
desktop-backupFailedTitle = Échec de la sauvegarde — { $name } de { $instance }
desktop-backupFailedError = OVHcloud a signalé une erreur. Réessayez depuis Instances → … → Créer une sauvegarde ; si l'échec se répète, contactez le support OVHcloud.
desktop-backupFailedGone = La sauvegarde a disparu avant d'être prête (annulée ou supprimée). Créez-en une nouvelle si besoin.
desktop-volumeRestoredBody = { $name } est attaché à { $instance }. Montez-le pour lire ses fichiers.
desktop-volumeRestoredTitle = Volume restauré — { $instance }
desktop-volumeDetachedKept = { $previous } a été détaché de { $instance } et est conservé : attachez-le de nouveau depuis l'espace client OVHcloud.
desktop-volumeMaybeDetached = { $previous } a peut-être été détaché de { $instance } ; il est conservé dans tous les cas : vérifiez-le dans l'espace client OVHcloud.
desktop-volumeReplacedBody = { $name } est attaché à { $instance } à la place de { $previous }. { $previous } est détaché et conservé, facturé jusqu'à sa suppression.
desktop-setReadyTitle = { $count ->
        [one] { $instance } et 1 volume sauvegardés
       *[other] { $instance } et { $count } volumes sauvegardés
    }
desktop-setIncompleteTitle = Sauvegarde incomplète — { $name } de { $instance }
desktop-setIncompleteBody = L'instance est sauvegardée, mais pas { $count ->
        [one] son volume
       *[other] ces volumes
    } : { $volumes }. Créez une nouvelle sauvegarde pour les inclure ; les parties prêtes restent dans Sauvegarde d'instance.
desktop-instanceReadyTitle = Instance prête — { $instance }
desktop-instanceReadyBody = Créée depuis { $name } en { $duration }.
desktop-restoredTitle = Restauration terminée — { $instance }
desktop-restoredBody = { $instance } fonctionne à nouveau, depuis { $name }.
desktop-restoreUnconfirmedTitle = Restauration non confirmée — { $instance }
desktop-restoreUnconfirmedBody = OVHcloud a accepté la restauration mais { $instance } n'a jamais montré qu'elle avait lieu. Vérifiez l'instance avant de vous y fier.
desktop-restoreFailedTitle = Échec de la restauration — { $instance }
desktop-restoreFailedBody = OVHcloud a signalé une erreur sur l'instance. Ouvrez l'espace client OVHcloud ou contactez le support.
desktop-restoreNotStarted = Rien n'a été restauré. { $reason }
desktop-whileAwayTitle = Pendant votre absence : { $count ->
        [one] 1 sauvegarde terminée
       *[other] { $count } sauvegardes terminées
    }
desktop-whileAwayFailed = Échouées : { $names }
desktop-runDoneTitle = Sauvegarde automatique de { $instance } terminée
desktop-runDoneBody = { $workflow }, exécution du { $time }.
desktop-runFailedTitle = Échec de la sauvegarde automatique de { $instance } — { $info }
desktop-runNoDetail = erreur sans détail
desktop-runFailedBody = { $workflow }, exécution du { $time }. Créez une sauvegarde manuelle si besoin ; si l'échec se répète, contactez le support OVHcloud.
desktop-runQuotaTitle = La sauvegarde automatique de { $instance } a échoué : un quota est atteint
desktop-runQuotaBody = { $workflow }, exécution du { $time }. Supprimez les sauvegardes dont vous n'avez plus besoin, ou augmentez le quota du projet dans l'espace client OVHcloud.
desktop-runMissedTitle = La sauvegarde automatique de { $instance } n'a pas eu lieu
desktop-runMissedBody = { $workflow } devait s'exécuter le { $time }. OVHcloud a peut-être un incident : faites une sauvegarde manuelle si besoin.
desktop-cannotStartTitle = Backup Desk ne peut pas démarrer
desktop-cannotStartBody = Backup Desk n'a pas pu ouvrir sa fenêtre.

    Il a besoin de Microsoft Edge WebView2, inclus dans Windows 11. Sous Windows 10, installez le runtime gratuit « Evergreen » depuis https://developer.microsoft.com/microsoft-edge/webview2/ puis relancez Backup Desk.

    Détail : { $detail }
testBackup = Tester cette sauvegarde
rehearsalTitle = Tester { $backup }
rehearsalLoading = Lecture de ce dont le test a besoin…
rehearsalWhat = Une instance temporaire, { $name }, est créée à partir de cette sauvegarde dans { $region } avec le modèle { $model }, facturée à l'heure. Backup Desk vérifie qu'elle démarre, puis la supprime. { $instance } elle-même n'est pas touchée.
rehearsalCost = Coûte au plus { $cost } et dure au plus { $minutes } min.
rehearsalCostUnknown = Dure au plus { $minutes } min. Le prix du modèle { $model } n'est pas disponible.
rehearsalPort = Une fois démarrée, vérifier qu'elle répond sur
rehearsalPortSsh = le port 22 (SSH, Linux)
rehearsalPortRdp = le port 3389 (Bureau à distance, Windows)
rehearsalPortNone = aucun port : démarrer suffit
rehearsalConfirm = Lancer le test
rehearsalStarted = Test de { $backup } en cours : le résultat vous sera notifié.
rehearsalNoModel = Aucun modèle de { $region } ne convient à cette sauvegarde : elle ne peut pas y être testée.
rehearsalNeedsAccess = Tester une sauvegarde demande le droit de supprimer l'instance temporaire (DELETE /cloud/project/*/instance/*), que cette connexion n'a pas. Autorisez les tests de restauration pour le demander à OVHcloud : vous l'approuvez sur la page d'OVHcloud, et vos autres droits restent les mêmes.
rehearsalPolicy = La politique de mon compte de service autorise { $action }, l'instance temporaire peut donc être supprimée.
rehearsalBusy = Cette sauvegarde est en cours de test : le résultat vous sera notifié.
rehearsalFailedOn = Échec du test de restauration le { $date }
rehearsalVerified = Restauration vérifiée le { $date } · { $duration } · au plus { $cost }
rehearsalVerifiedNoPrice = Restauration vérifiée le { $date } · { $duration }
attnRehearsalFailed = Son dernier test de restauration a échoué : la sauvegarde risque de ne pas démarrer. Testez une sauvegarde plus récente, ou créez-en une.
why-noModelFits = Aucun modèle de { $region } ne convient à cette sauvegarde : elle ne peut pas y être testée.
why-rehearsalRunning = Cette sauvegarde est en cours de test ; attendez son résultat.
why-rehearsalNeedsAccess = Tester une sauvegarde demande le droit de supprimer l'instance temporaire, que cette connexion n'a pas : cliquez sur Autoriser les tests de restauration dans la fenêtre du test.
why-confirmRehearsalPolicy = Vérifiez que la politique de votre compte de service autorise { $action }, puis cochez la case.
why-portRange = Choisissez un port entre 1 et 65535, ou aucun.
desktop-trayRehearsalFailed = { $instance } : son dernier test de restauration a échoué
desktop-rehearsalPassedTitle = Test de restauration réussi — { $instance }
desktop-rehearsalPassedPort = { $backup } a démarré et répondu sur le port { $port }, en { $duration }. L'instance temporaire a été supprimée.
desktop-rehearsalPassedActive = { $backup } a démarré, en { $duration }. L'instance temporaire a été supprimée.
desktop-rehearsalFailedTitle = Échec du test de restauration — { $instance }
desktop-rehearsalNoAnswer = { $backup } a démarré mais n'a pas répondu sur le port { $port } en { $minutes } min.
desktop-rehearsalDidNotBoot = { $backup } n'a pas démarré : OVHcloud indique l'instance comme { $status }.
desktop-rehearsalBootTimedOut = { $backup } n'a pas démarré en { $minutes } min.
desktop-rehearsalNoAddress = { $backup } a démarré, mais OVHcloud ne lui a donné aucune adresse IPv4 publique à vérifier.
desktop-rehearsalRefused = OVHcloud a refusé de créer l'instance temporaire : { $ovh }
desktop-rehearsalUnanswered = OVHcloud n'a pas répondu à la demande de création de l'instance temporaire.
desktop-rehearsalDeleted = L'instance temporaire a été supprimée.
desktop-rehearsalCleanedTitle = Test de restauration nettoyé
desktop-rehearsalCleanedBody = Backup Desk a été fermé pendant un test de restauration : il vient de supprimer l'instance temporaire { $names }.
desktop-rehearsalLeftTitle = Une instance temporaire est toujours facturée
desktop-rehearsalLeftBody = OVHcloud a refusé de supprimer { $names }. Backup Desk réessaiera à son prochain démarrage ; vous pouvez aussi la supprimer dans l'espace client OVHcloud, rubrique Instances.
testLatest = Tester la dernière sauvegarde
rehearsalNoBackup = { $instance } n'a pas encore de sauvegarde disponible à tester.
rehearsalMonthly = Tester aussi la dernière sauvegarde de { $instance } chaque mois, le premier lundi, à
rehearsalMonthlySaved = La dernière sauvegarde de { $instance } sera testée le premier lundi de chaque mois.
why-noBackupToTest = Cette instance n'a aucune sauvegarde disponible à tester ; créez d'abord une sauvegarde.
desktop-rehearsalNotStartedTitle = Test de restauration mensuel de { $instance } non lancé
rehearsalAllow = Autoriser les tests de restauration
rehearsalAllowWaiting = Approuvez l'accès sur la page OVHcloud qui s'est ouverte ; Backup Desk continue tout seul.
rehearsalAllowed = Les tests de restauration sont autorisés : vous pouvez tester vos sauvegardes.
rehearsalHistory = Tests de restauration précédents de { $instance }
