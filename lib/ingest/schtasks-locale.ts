/**
 * Alias tables for localized `schtasks /query /v` output (FORMATS.md §2.2).
 * Sources: en from the resticprofile captures; ja verbatim from the yuukiogt script header; fr first nine columns,
 * de AufgabenName/Nächste Laufzeit/Letzte Laufzeit/Letztes Ergebnis/Status der geplanten Aufgabe, it ERRORE lines and
 * es first four columns from the issue excerpts. EVERYTHING ELSE (remaining de/fr/es/it columns, value words,
 * Folder keys) is filled in from knowledge of Windows localization, not verified on a capture.
 */

export type SchtasksField =
  | 'host' | 'taskName' | 'nextRunTime' | 'status' | 'logonMode' | 'lastRunTime' | 'lastResult' | 'author'
  | 'taskToRun' | 'startIn' | 'comment' | 'scheduledTaskState' | 'idleTime' | 'powerManagement' | 'runAsUser'
  | 'deleteIfNotRescheduled' | 'stopAfter' | 'schedule' | 'scheduleType' | 'startTime' | 'startDate' | 'endDate'
  | 'days' | 'months' | 'repeatEvery' | 'repeatUntilTime' | 'repeatUntilDuration' | 'repeatStopIfRunning';

export type SchtasksLocale = 'en' | 'de' | 'fr' | 'es' | 'it' | 'ja';

/** The 28 `/v` columns in output order; schtasks keeps this order in every language, so it doubles as a positional map. */
export const VERBOSE_FIELDS: readonly SchtasksField[] = [
  'host', 'taskName', 'nextRunTime', 'status', 'logonMode', 'lastRunTime', 'lastResult', 'author', 'taskToRun',
  'startIn', 'comment', 'scheduledTaskState', 'idleTime', 'powerManagement', 'runAsUser', 'deleteIfNotRescheduled',
  'stopAfter', 'schedule', 'scheduleType', 'startTime', 'startDate', 'endDate', 'days', 'months', 'repeatEvery',
  'repeatUntilTime', 'repeatUntilDuration', 'repeatStopIfRunning',
];

const HEADERS: Record<SchtasksLocale, readonly string[]> = {
  en: ['HostName', 'TaskName', 'Next Run Time', 'Status', 'Logon Mode', 'Last Run Time', 'Last Result', 'Author',
    'Task To Run', 'Start In', 'Comment', 'Scheduled Task State', 'Idle Time', 'Power Management', 'Run As User',
    'Delete Task If Not Rescheduled', 'Stop Task If Runs X Hours and X Mins', 'Schedule', 'Schedule Type', 'Start Time',
    'Start Date', 'End Date', 'Days', 'Months', 'Repeat: Every', 'Repeat: Until: Time', 'Repeat: Until: Duration',
    'Repeat: Stop If Still Running'],
  de: ['Hostname', 'Aufgabenname', 'Nächste Laufzeit', 'Status', 'Anmeldemodus', 'Letzte Laufzeit', 'Letztes Ergebnis',
    'Autor', 'Auszuführende Aufgabe', 'Starten in', 'Kommentar', 'Status der geplanten Aufgabe', 'Leerlaufzeit',
    'Energieverwaltung', 'Als Benutzer ausführen', 'Aufgabe löschen, falls nicht erneut geplant',
    'Aufgabe beenden, falls Ausführung länger als X Stunden und X Minuten', 'Zeitplan', 'Zeitplantyp', 'Startzeit',
    'Startdatum', 'Enddatum', 'Tage', 'Monate', 'Wiederholen: Jede', 'Wiederholen: Bis: Zeit', 'Wiederholen: Bis: Dauer',
    'Wiederholen: Beenden, falls noch ausgeführt'],
  fr: ["Nom de l'hôte", 'Nom de la tâche', 'Prochaine exécution', 'Statut', "Mode d'ouverture de session",
    'Heure de la dernière exécution', 'Dernier résultat', 'Auteur', 'Tâche à exécuter', 'Démarrer dans', 'Commentaire',
    'État de la tâche planifiée', "Temps d'inactivité", "Gestion de l'alimentation", "Exécuter en tant qu'utilisateur",
    "Supprimer la tâche si elle n'est pas replanifiée", "Arrêter la tâche si elle s'exécute pendant X heures et X minutes",
    'Planification', 'Type de planification', 'Heure de début', 'Date de début', 'Date de fin', 'Jours', 'Mois',
    'Répéter : chaque', "Répéter : jusqu'à : heure", "Répéter : jusqu'à : durée",
    "Répéter : arrêter si toujours en cours d'exécution"],
  es: ['Nombre de host', 'Nombre de tarea', 'Hora próxima ejecución', 'Estado', 'Modo de inicio de sesión',
    'Último tiempo de ejecución', 'Último resultado', 'Autor', 'Tarea que se ejecutará', 'Iniciar en', 'Comentario',
    'Estado de tarea programada', 'Tiempo de inactividad', 'Administración de energía', 'Ejecutar como usuario',
    'Eliminar tarea si no se vuelve a programar', 'Detener tarea si se ejecuta X horas y X minutos', 'Programación',
    'Tipo de programación', 'Hora de inicio', 'Fecha de inicio', 'Fecha de finalización', 'Días', 'Meses',
    'Repetir: cada', 'Repetir: hasta: hora', 'Repetir: hasta: duración', 'Repetir: detener si aún está en ejecución'],
  it: ['Nome host', 'Nome attività', 'Ora esecuzione successiva', 'Stato', 'Modalità accesso', 'Ora ultima esecuzione',
    'Risultato ultima esecuzione', 'Autore', 'Attività da eseguire', 'Avvio in', 'Commento', 'Stato attività pianificata',
    'Tempo di inattività', 'Risparmio energia', 'Esegui come utente', 'Elimina attività se non ripianificata',
    'Arresta attività se in esecuzione per X ore e X minuti', 'Pianificazione', 'Tipo di pianificazione', 'Ora di inizio',
    'Data di inizio', 'Data di fine', 'Giorni', 'Mesi', 'Ripeti: ogni', 'Ripeti: fino a: ora', 'Ripeti: fino a: durata',
    'Ripeti: interrompi se ancora in esecuzione'],
  ja: ['ホスト名', 'タスク名', '次回の実行時刻', '状態', 'ログオンモード', '前回の実行時刻', '前回の結果', '作成者', '実行するタスク',
    '開始', 'コメント', 'スケジュールされたタスクの状態', 'アイドル時間', '電源管理', 'ユーザーとして実行',
    '再度スケジュールされない場合はタスクを削除する', 'タスクを停止するまでの時間', 'スケジュール', 'スケジュールの種類', '開始時刻',
    '開始日', '終了日', '日', '月', '繰り返し: 間隔', '繰り返し: 終了時刻', '繰り返し: 期間', '繰り返し: 実行中の場合は停止'],
};

/** Variants seen in scripts (hand-typed without accents, other casing) beyond the canonical tables. */
const EXTRA: [SchtasksLocale, SchtasksField, string][] = [
  ['es', 'nextRunTime', 'Hora proxima ejecucion'],
  ['es', 'nextRunTime', 'Próxima hora de ejecución'],
  ['es', 'lastRunTime', 'Hora de la última ejecución'],
  ['it', 'nextRunTime', 'Prossima esecuzione'],
  ['it', 'lastRunTime', 'Ultima esecuzione'],
  ['it', 'lastResult', 'Ultimo risultato'],
  ['fr', 'nextRunTime', "Prochaine heure d'exécution"],
  ['fr', 'lastRunTime', 'Dernière exécution'],
  ['en', 'taskName', 'Task Name'],
  ['en', 'host', 'Host Name'],
];

/** Lower-case, accent-free, punctuation-free key so `AufgabenName`, `Hora proxima ejecucion` and `Repeat: Every` compare loosely. */
export function headerKey(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const ALIAS = new Map<string, { field: SchtasksField; locale: SchtasksLocale }>();
for (const [locale, names] of Object.entries(HEADERS) as [SchtasksLocale, readonly string[]][]) {
  names.forEach((name, i) => {
    const key = headerKey(name);
    if (!ALIAS.has(key)) ALIAS.set(key, { field: VERBOSE_FIELDS[i], locale });
  });
}
for (const [locale, field, name] of EXTRA) ALIAS.set(headerKey(name), { field, locale });

export function lookupHeader(name: string): { field: SchtasksField; locale: SchtasksLocale } | null {
  return ALIAS.get(headerKey(name)) ?? null;
}

/** Every alias key, used to score candidate decodings by how many known header words they contain. */
export const ALIAS_KEYS: readonly string[] = [...ALIAS.keys()].filter((k) => k.length >= 4);

const words = (...xs: string[]) => new Set(xs.map(headerKey));

/** "No value" markers; Next Run Time may also hold a Disabled word in some outputs. */
export const NOT_APPLICABLE = words('N/A', 'N/D', 'NA', 'Nicht zutreffend', 'Non applicable', 'No aplicable',
  'No disponible', 'Non disponibile', '該当なし', 'なし', 'Never', 'Nie', 'Jamais', 'Nunca', 'Mai', 'None', 'Keine', 'Aucun',
  'Ninguno', 'Nessuno');

export const DISABLED_WORDS = words('Disabled', 'Deaktiviert', 'Désactivé', 'Deshabilitado', 'Disabilitato',
  'Disattivato', 'Disattivata', 'Disabilitata', '無効');
export const ENABLED_WORDS = words('Enabled', 'Aktiviert', 'Activé', 'Habilitado', 'Abilitato', 'Abilitata',
  'Attivato', '有効');
/** Status words that imply the task is enabled (ready/running/queued). */
export const ACTIVE_STATUS_WORDS = words('Ready', 'Running', 'Queued', 'Bereit', 'Wird ausgeführt',
  'In Warteschlange', 'Prêt', "En cours d'exécution", 'En cours', "En file d'attente", 'Listo', 'En ejecución',
  'En cola', 'Pronto', 'In esecuzione', 'In coda', '準備完了', '実行中', 'キューに挿入済み');

export const COM_HANDLER_WORDS = words('COM handler', 'COM-Handler', 'Gestionnaire COM', 'Controlador COM',
  'Gestore COM', 'COM ハンドラー');
export const MULTIPLE_ACTIONS_WORDS = words('Multiple actions', 'Mehrere Aktionen', 'Actions multiples',
  'Varias acciones', 'Più azioni', 'Azioni multiple', '複数の操作');

/** Schedule Type → trigger kind; "One Time Only, Minute" keys as "onetimeonlyminute" and is caught by prefix. */
const SCHEDULE_KINDS: [string, string[]][] = [
  ['daily', ['Daily', 'Täglich', 'Quotidienne', 'Tous les jours', 'Diariamente', 'Diaria', 'Giornaliera', 'Ogni giorno', '毎日']],
  ['weekly', ['Weekly', 'Wöchentlich', 'Hebdomadaire', 'Toutes les semaines', 'Semanalmente', 'Semanal', 'Settimanale', '毎週']],
  ['monthly', ['Monthly', 'Monatlich', 'Mensuelle', 'Tous les mois', 'Mensualmente', 'Mensual', 'Mensile', '毎月']],
  ['time', ['One Time Only', 'Einmal', 'Une seule fois', 'Una vez', 'Una sola volta', '1 回', '一回のみ']],
  ['boot', ['At system start up', 'Beim Systemstart', 'Au démarrage du système', 'Al iniciar el sistema',
    "All'avvio del sistema", 'システム起動時']],
  ['logon', ['At logon time', 'Bei Anmeldung', "À l'ouverture de session", 'Al iniciar la sesión',
    "All'accesso", 'ログオン時']],
  ['idle', ['At idle time', 'Im Leerlauf', "En cas d'inactivité", 'Al estar inactivo', 'Quando inattivo', 'アイドル時']],
  ['event', ['When an event occurs', 'Bei einem Ereignis', "Lors d'un événement", 'Cuando se produzca un evento',
    'Quando si verifica un evento', 'イベント時']],
  ['registration', ['On registration', 'Bei Registrierung', "Lors de l'inscription", 'Al registrar', 'Alla registrazione',
    '登録時']],
];
const SCHEDULE_KIND_MAP = new Map<string, string>();
for (const [kind, names] of SCHEDULE_KINDS) for (const n of names) SCHEDULE_KIND_MAP.set(headerKey(n), kind);

export function scheduleKind(scheduleType: string): string {
  const key = headerKey(scheduleType);
  if (!key) return 'unknown';
  const exact = SCHEDULE_KIND_MAP.get(key);
  if (exact) return exact;
  for (const [k, kind] of SCHEDULE_KIND_MAP) if (key.startsWith(k)) return kind;
  return 'other';
}

/** `Folder: \path` lines in LIST output. */
export const FOLDER_KEYS = words('Folder', 'Ordner', 'Dossier', 'Carpeta', 'Cartella', 'フォルダー', 'フォルダ');

/** Lines schtasks prints to stdout/stderr that are not data (FORMATS.md §2.5). */
export const NOISE_LINE = /^\s*(INFO|ERROR|ERRORE|ERREUR|FEHLER|ERRO|WARNING|WARNUNG|AVERTISSEMENT|ADVERTENCIA|AVVISO|INFORMATIONS?|INFORMACIÓN|INFORMAZIONI|情報|エラー|警告)\s*:/iu;
