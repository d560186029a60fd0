import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSample } from '../testing/samples';
import { decodeBytes } from './decode';
import { schtasksParser } from './schtasks';
import { ParseError } from './types';
import { inferDateOrder, parseWindowsDate } from './schtasks-dates';
import { repairOemMojibake } from './schtasks-oem';

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, 'fixtures', name)));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const parse = (bytes: Uint8Array) => schtasksParser.parse(bytes, {});
const csvLine = (cells: string[]) => cells.map((c) => `"${c}"`).join(',');

/** A 28-column /v row: host, name, next, status, last, command, state, runAs, schedule type, start time, start date. */
function verboseRow(v: { host: string; name: string; next: string; status: string; last: string; cmd: string; state: string;
  runAs: string; type: string; time: string; date: string; na: string }): string {
  const { na } = v;
  return csvLine([v.host, v.name, v.next, v.status, 'x', v.last, '0', 'admin', v.cmd, na, na, v.state, na, '', v.runAs, na,
    '72:00:00', na, v.type, v.time, v.date, na, na, na, na, na, na, na]);
}

describe('schtasks real samples', () => {
  it('folds the two en-GB trigger rows of resticprofile into one record', () => {
    const r = parse(readSample('schtasks/resticprofile_schtasks_fo_csv_v_enGB_2rows_same_task.csv'));
    expect(r.format).toBe('schtasks');
    expect(r.os).toBe('windows');
    expect(r.warnings).toEqual([]);
    expect(r.records).toHaveLength(1);
    const [t] = r.records;
    expect(t.name).toBe('\\resticprofile backup\\self backup');
    expect(t.host).toBe('WIN-7060');
    expect(r.host).toBe('WIN-7060');
    expect(t.command).toBe('R:\\Temp\\go-build4112622634\\b001\\exe\\resticprofile.exe --no-ansi --config examples\\windows.yaml run-schedule backup@self');
    expect(t.runAs).toBe('user');
    expect(t.author).toBe('resticprofile');
    expect(t.description).toBe('resticprofile backup for profile self in examples\\windows.yaml');
    expect(t.enabled).toBe(true);
    expect(t.family).toBe('windows_task');
    expect(t.lastRunAt).toBe('2025-02-13T17:15:00');
    expect(t.nextRunAt).toBe('2025-02-13T17:30:00');
    expect(t.triggers).toHaveLength(2);
    expect(t.triggers!.map((x) => x.kind)).toEqual(['weekly', 'weekly']);
    expect(t.triggers![1].text).toBe('Weekly at 00:00:00 on SUN, SAT (Every 1 week(s)) from 15/02/2025 repeating every 12 Hour(s), 0 Minute(s) for 12 Hour(s), 0 Minute(s)');
    expect(t.schedule).toContain('; Weekly at 00:00:00');
    expect(t.line).toBe(2);
    expect((t.raw as Record<string, string>)['Last Result']).toBe('-2147024894');
  });

  it('parses the /fo list /v capture with a quoted path in Task To Run', () => {
    const r = parse(readSample('schtasks/resticprofile_schtasks_fo_list_v_2triggers.txt'));
    expect(r.records).toHaveLength(1);
    const [t] = r.records;
    expect(t.name).toBe('\\resticprofile backup\\self backup');
    expect(t.host).toBe('WIN-5NMJF0VS8OR');
    expect(t.command).toBe('G:\\go\\src\\github.com\\creativeprojects\\resticprofile\\resticprofile.exe --no-ansi --config "examples\\other windows.yaml" run-schedule backup@self');
    expect(t.runAs).toBe('Fred');
    expect(t.triggers!.map((x) => x.raw.split('; ')[2])).toEqual(['Start Date: 04/08/2025', 'Start Date: 09/08/2025']);
    expect(t.lastRunAt).toBe('2025-08-04T21:00:01');
    expect(t.line).toBe(3);
    expect((t.raw as Record<string, string>)['Repeat: Until: Time']).toBe('None');
  });

  it('sniffs real samples and rejects other formats', () => {
    const text = (rel: string) => new TextDecoder().decode(readSample(rel));
    expect(schtasksParser.sniff(text('schtasks/resticprofile_schtasks_fo_csv_v_enGB_2rows_same_task.csv'), {})).toBeGreaterThan(0.9);
    expect(schtasksParser.sniff(text('schtasks/resticprofile_schtasks_fo_list_v_2triggers.txt'), {})).toBeGreaterThan(0.8);
    expect(schtasksParser.sniff(text('schtasks/Michaelunkai_GetScheduledTask_Select_ExportCsv.csv'), {})).toBe(0);
    expect(schtasksParser.sniff('Time,Entry Location,Entry,Enabled,Category,Profile,Description\n', {})).toBe(0);
    expect(schtasksParser.sniff('# m h dom mon dow command\n*/5 * * * * root /usr/bin/x\n', {})).toBe(0);
    expect(schtasksParser.sniff('{"name":"pack_x","hostIdentifier":"h1"}\n', {})).toBe(0);
    expect(schtasksParser.sniff('<?xml version="1.0"?><Task></Task>', {})).toBe(0);
  });
});

describe('schtasks fixtures', () => {
  it('handles noise lines, repeated headers, unescaped quotes, COM handler, never-run sentinel and multi-line comments', () => {
    const r = parse(fixture('schtasks-en-us-noise-quotes.csv'));
    expect(r.records.map((x) => x.name)).toEqual(['\\Backup\\Nightly', '\\Microsoft\\Windows\\Defrag\\ScheduledDefrag',
      '\\Microsoft\\Windows\\Maps\\MapsUpdateTask']);
    expect(r.warnings.map((w) => w.line)).toEqual([2, 6]);
    expect(r.warnings[1].message).toContain('ERROR: Task cannot be loaded: Broken Task');
    const [backup, defrag, maps] = r.records;
    expect(backup.command).toBe('cmd.exe /c "C:\\Program Files\\Backup\\run.bat" -q');
    expect(backup.triggers!.map((t) => t.kind)).toEqual(['daily', 'boot']);
    expect(backup.nextRunAt).toBe('2026-08-02T13:00:00');
    expect(backup.lastRunAt).toBe('2026-08-01T13:00:00');
    expect(defrag.enabled).toBe(false);
    expect(defrag.lastRunAt).toBeNull();
    expect(defrag.nextRunAt).toBeNull();
    expect(defrag.command).toBe('%windir%\\system32\\defrag.exe -c -h -o -$');
    expect(maps.kind).toBe('com_handler');
    expect(maps.command).toBe('COM handler');
    expect(maps.description).toBe('Multi-line\ncomment here');
    expect(maps.lastRunAt).toBeNull();
    expect(maps.runAs).toBe('LOCAL SERVICE');
    expect(maps.triggers![0].kind).toBe('event');
    expect(maps.line).toBe(9);
  });

  it('merges an unescaped "," inside Task To Run back into one field', () => {
    const header = '"HostName","TaskName","Next Run Time","Status","Task To Run","Run As User"';
    const row = '"H1","\\T","N/A","Ready","cmd /c "a","b" end","SYSTEM"';
    const r = parse(utf8(`${header}\r\n${row}\r\n`));
    expect(r.records[0].command).toBe('cmd /c "a","b" end');
    expect(r.records[0].runAs).toBe('SYSTEM');
    expect(r.warnings).toHaveLength(1);
  });

  it('reads German headers and values (Deaktiviert, Nicht zutreffend, dd.mm.yyyy)', () => {
    const r = parse(fixture('schtasks-de-csv-v.csv'));
    expect(r.records).toHaveLength(2);
    const [inventur, altlast] = r.records;
    expect(inventur.name).toBe('\\Firma\\Inventur');
    expect(inventur.runAs).toBe('FIRMA\\müller');
    expect(inventur.enabled).toBe(true);
    expect(inventur.nextRunAt).toBe('2026-02-03T07:30:00');
    expect(inventur.triggers!.map((t) => t.kind)).toEqual(['daily', 'logon']);
    expect(inventur.triggers![0].text).toBe('Täglich at 07:30:00 on Alle 1 Tag(e) from 01.02.2026');
    expect(altlast.enabled).toBe(false);
    expect(altlast.lastRunAt).toBeNull();
    expect(altlast.nextRunAt).toBeNull();
    expect(altlast.description).toBeNull();
    expect(altlast.triggers![0].kind).toBe('weekly');
  });

  it('reads French /fo list output with "Key :" spacing and an ERREUR line', () => {
    const r = parse(fixture('schtasks-fr-list-v.txt'));
    expect(r.records).toHaveLength(1);
    const [t] = r.records;
    expect(t.name).toBe('\\Société\\Sauvegarde');
    expect(t.host).toBe('SRV-LYON');
    expect(t.command).toBe('"C:\\Program Files\\Sauve\\sauve.exe" --cible "D:\\Archives été"');
    expect(t.description).toBe('Sauvegarde : tous les soirs');
    expect(t.enabled).toBe(true);
    expect(t.nextRunAt).toBe('2026-03-14T22:00:00');
    expect(t.triggers!.map((x) => x.kind)).toEqual(['daily']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0].message).toContain('Cassée');
  });

  it('re-decodes French CP850 bytes (cmd.exe redirect) instead of cp1252 mojibake', () => {
    const header = csvLine(["Nom de l'hôte", 'Nom de la tâche', 'Prochaine exécution', 'Statut', 'Tâche à exécuter',
      'État de la tâche planifiée', "Exécuter en tant qu'utilisateur"]);
    const row = csvLine(['PC-PARIS', '\\Rapport généré', 'N/A', 'Désactivé', 'C:\\Outils\\rapport.exe --préparé', 'Désactivé', 'SYSTEM']);
    const bytes = new Uint8Array(iconv.encode(`${header}\r\n${row}\r\nERREUR : impossible de charger la tâche : à voir\r\n`, 'cp850'));
    expect(schtasksParser.sniff(decodeBytes(bytes).text, {})).toBeGreaterThan(0.9);
    const r = parse(bytes);
    expect(r.records).toHaveLength(1);
    expect(r.records[0].name).toBe('\\Rapport généré');
    expect(r.records[0].command).toBe('C:\\Outils\\rapport.exe --préparé');
    expect(r.records[0].enabled).toBe(false);
    expect(r.warnings[0].message).toContain('impossible de charger la tâche : à voir');
  });

  it('repairs OEM mojibake that was already saved as UTF-8 (Dernier r‚sultat)', () => {
    expect(repairOemMojibake('"Dernier r‚sultat","Statut"')).toBe('"Dernier résultat","Statut"');
    expect(repairOemMojibake('"Last Result","Status"')).toBeNull();
    const text = `${csvLine(['Nom de la tâche', 'Prochaine exécution', 'Statut'])}\n${csvLine(['\\A', 'N/A', 'Prˆt'])}\n`
      .replace(/â/g, 'ƒ').replace(/é/g, '‚');
    const r = parse(utf8(text));
    expect(r.records[0].name).toBe('\\A');
    expect((r.records[0].raw as Record<string, string>)['Prochaine exécution']).toBe('N/A');
  });

  it('reads Spanish and Italian headers and localized disabled states', () => {
    const es = csvLine(['Nombre de host', 'Nombre de tarea', 'Hora próxima ejecución', 'Estado', 'Modo de inicio de sesión',
      'Último tiempo de ejecución', 'Último resultado', 'Autor', 'Tarea que se ejecutará', 'Iniciar en', 'Comentario',
      'Estado de tarea programada', 'Tiempo de inactividad', 'Administración de energía', 'Ejecutar como usuario',
      'Eliminar tarea si no se vuelve a programar', 'Detener tarea si se ejecuta X horas y X minutos', 'Programación',
      'Tipo de programación', 'Hora de inicio', 'Fecha de inicio', 'Fecha de finalización', 'Días', 'Meses', 'Repetir: cada',
      'Repetir: hasta: hora', 'Repetir: hasta: duración', 'Repetir: detener si aún está en ejecución']);
    const esRow = verboseRow({ host: 'PC-MADRID', name: '\\Informe', next: '05/03/2026 9:00:00', status: 'Deshabilitado',
      last: '04/03/2026 9:00:00', cmd: 'C:\\informe.exe', state: 'Deshabilitado', runAs: 'SYSTEM', type: 'Diariamente',
      time: '9:00:00', date: '01/03/2026', na: 'N/A' });
    const esR = parse(utf8(`${es}\r\n${esRow}\r\n`));
    expect(esR.records[0]).toMatchObject({ name: '\\Informe', host: 'PC-MADRID', enabled: false, command: 'C:\\informe.exe',
      nextRunAt: '2026-03-05T09:00:00' });
    expect(esR.records[0].triggers![0].kind).toBe('daily');

    const it_ = csvLine(['Nome host', 'Nome attività', 'Ora esecuzione successiva', 'Stato']);
    const itR = parse(utf8(`${it_}\r\nERRORE: impossibile caricare l'attività: ATKOSD2\r\n${csvLine(['PC-ROMA', 'Aggiorna', 'N/D', 'Pronto'])}\r\n`));
    expect(itR.records.map((r) => [r.name, r.host, r.enabled, r.nextRunAt])).toEqual([['\\Aggiorna', 'PC-ROMA', true, null]]);
    expect(itR.warnings.map((w) => w.message)).toEqual([
      "schtasks message skipped: ERRORE: impossibile caricare l'attività: ATKOSD2",
      'schtasks output without /v: commands, run-as user and triggers are absent',
    ]);
  });

  it('reads the real Japanese /v header with Y/M/D dates and 無効', () => {
    const ja = '"ホスト名","タスク名","次回の実行時刻","状態","ログオンモード","前回の実行時刻","前回の結果","作成者","実行するタスク","開始","コメント","スケジュールされたタスクの状態","アイドル時間","電源管理","ユーザーとして実行","再度スケジュールされない場合はタスクを削除する","タスクを停止するまでの時間","スケジュール","スケジュールの種類","開始時刻","開始日","終了日","日","月","繰り返し: 間隔","繰り返し: 終了時刻","繰り返し: 期間","繰り返し: 実行中の場合は停止"';
    const row = verboseRow({ host: 'SV-TOKYO', name: '\\バックアップ', next: '2026/03/05 2:00:00', status: '準備完了',
      last: '1999/11/30 0:00:00', cmd: 'wbadmin start backup', state: '無効', runAs: 'SYSTEM', type: '毎日', time: '2:00:00',
      date: '2026/03/01', na: 'N/A' });
    const bytes = new Uint8Array(iconv.encode(`${ja}\r\n${row}\r\n`, 'cp932'));
    expect(schtasksParser.sniff(decodeBytes(bytes).text, {})).toBeGreaterThan(0.9);
    const r = parse(bytes);
    expect(r.records[0]).toMatchObject({ name: '\\バックアップ', host: 'SV-TOKYO', enabled: false, command: 'wbadmin start backup',
      nextRunAt: '2026-03-05T02:00:00', lastRunAt: null });
    expect(r.records[0].triggers!.map((t) => t.kind)).toEqual(['daily']);
  });

  it('parses /fo csv without /v and adds one file-level warning', () => {
    const text = '"TaskName","Next Run Time","Status"\r\n"\\Microsoft\\Windows\\Defrag\\ScheduledDefrag","N/A","Ready"\r\n\r\nFolder: x\r\n'
      + '"TaskName","Next Run Time","Status"\r\n"\\Mozilla\\Update","2/8/2026 3:00:00 PM","Disabled"\r\n';
    const r = parse(utf8(text));
    expect(r.records.map((x) => [x.name, x.command, x.enabled, x.nextRunAt])).toEqual([
      ['\\Microsoft\\Windows\\Defrag\\ScheduledDefrag', '', true, null],
      ['\\Mozilla\\Update', '', false, '2026-02-08T15:00:00'],
    ]);
    expect(r.warnings.filter((w) => w.line === null)).toHaveLength(1);
  });
});

describe('schtasks dates', () => {
  it('infers the order per file and maps never-run sentinels to null', () => {
    expect(inferDateOrder(['13/02/2025 17:30:00'], 'en')).toBe('dmy');
    expect(inferDateOrder(['2/13/2025 5:30:00 PM'], 'en')).toBe('mdy');
    expect(inferDateOrder(['04/08/2025 21:15:00'], 'en')).toBe('dmy');
    expect(inferDateOrder(['04/08/2025 9:15:00 PM'], 'en')).toBe('mdy');
    expect(parseWindowsDate('19/4/2026 12:39:25 pm', 'dmy')).toBe('2026-04-19T12:39:25');
    expect(parseWindowsDate('12-Sep-26 07:00:00 AM', 'mdy')).toBe('2026-09-12T07:00:00');
    expect(parseWindowsDate('11/30/1999 12:00:00 AM', 'mdy')).toBeNull();
    expect(parseWindowsDate('30.11.1999 00:00:00', 'dmy')).toBeNull();
    expect(parseWindowsDate('Never', 'mdy')).toBeNull();
  });
});

it('schtasksParser only ever fails with ParseError on malformed input', () => {
  const piece = fc.constantFrom('"', ',', ';', '\n', ':', ' ', 'é', '\\', 'HostName', 'TaskName', 'TaskPath', '<Task>', '</Task>',
    '<Tasks>', '<!--', '-->', '#TYPE', 'N/A', '<', '&', '<?xml ?>');
  fc.assert(fc.property(fc.array(piece, { maxLength: 50 }), (pieces) => {
    const text = pieces.join('');
    expect(schtasksParser.sniff(text, {})).toBeGreaterThanOrEqual(0);
    try {
      schtasksParser.parse(new Uint8Array(Buffer.from(text)), {});
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
    }
  }), { numRuns: 500 });
});

describe('schtasks issue excerpts (real fragments)', () => {
  const md = new TextDecoder().decode(readSample('schtasks/issue_excerpts_localization_quoting_errors.md'));
  const block = (n: number) => md.split(`## ${n}.`)[1].split('```')[1].replace(/^\n/, '');

  it('is not mistaken for schtasks output as a whole', () => {
    expect(schtasksParser.sniff(md, {})).toBe(0);
  });

  it('reads the French list fragment (section 2)', () => {
    const r = parse(utf8(block(2)));
    expect(r.records.map((x) => [x.name, x.host, (x.raw as Record<string, string>)['Dernier résultat']])).toEqual([
      ['\\my\\task\\path', 'my-host-name', 'Redacted']]);
    // The excerpt is cut after "Tâche à exécuter ..." (no colon), which reads as a continuation of the Author value.
    expect(r.records[0].author).toBe('Redacted\nTâche à exécuter ...');
  });

  it('repairs the CP850 mojibake of section 3 and turns the ERRORE lines of section 4 into warnings', () => {
    expect(repairOemMojibake(block(3))).toContain('$PrivLastResult = "Dernier résultat"');
    const r = parse(utf8(`"TaskName","Next Run Time","Status"\r\n${block(4)}"\\A","N/A","Ready"\r\n`));
    expect(r.records.map((x) => x.name)).toEqual(['\\A']);
    expect(r.warnings.filter((w) => w.message.includes('ERRORE'))).toHaveLength(2);
  });

  it('maps the real Japanese header of section 5 by name', () => {
    const header = md.split('\n').find((l) => l.trim().startsWith('"ホスト名"'))!.trim();
    const row = verboseRow({ host: 'JP1', name: '\\X', next: 'N/A', status: '実行中', last: 'N/A', cmd: 'a.exe', state: '有効',
      runAs: 'SYSTEM', type: 'ログオン時', time: 'N/A', date: 'N/A', na: 'N/A' });
    const r = parse(utf8(`${header}\r\n${row}\r\n`));
    expect(r.records[0]).toMatchObject({ name: '\\X', host: 'JP1', command: 'a.exe', enabled: true, runAs: 'SYSTEM' });
    expect(r.records[0].triggers!.map((t) => t.kind)).toEqual(['logon']);
  });
});
