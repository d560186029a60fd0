/**
 * Autorunsc header names -> canonical column keys (FORMATS.md §1.3). Producers disagree on spelling:
 * autorunsc uses "Entry Location", Kansa analysis scripts use "EntryLocation", PowerShell adds PSComputerName.
 */
export type AutorunsColumn =
  | 'time'
  | 'entryLocation'
  | 'entry'
  | 'enabled'
  | 'category'
  | 'profile'
  | 'description'
  | 'signer'
  | 'company'
  | 'publisher'
  | 'imagePath'
  | 'version'
  | 'launchString'
  | 'md5'
  | 'sha1'
  | 'pesha1'
  | 'pesha256'
  | 'sha256'
  | 'imp'
  | 'vtDetection'
  | 'vtPermalink'
  | 'psComputerName';

/** Keys are header names folded by `foldHeaderName` (lower case, no spaces, dashes or underscores). */
const ALIASES: Record<string, AutorunsColumn> = {
  time: 'time',
  entrylocation: 'entryLocation',
  entry: 'entry',
  enabled: 'enabled',
  category: 'category',
  profile: 'profile',
  description: 'description',
  signer: 'signer',
  company: 'company',
  publisher: 'publisher',
  imagepath: 'imagePath',
  version: 'version',
  launchstring: 'launchString',
  md5: 'md5',
  sha1: 'sha1',
  pesha1: 'pesha1',
  pesha256: 'pesha256',
  sha256: 'sha256',
  imp: 'imp',
  vtdetection: 'vtDetection',
  vtpermalink: 'vtPermalink',
  pscomputername: 'psComputerName',
};

export function foldHeaderName(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s\-_]+/g, '');
}

export function columnOf(headerName: string): AutorunsColumn | null {
  return ALIASES[foldHeaderName(headerName)] ?? null;
}

/**
 * A header is Autoruns' when it names both Entry Location and Entry. Returns a confidence:
 * 0.95 when it also starts the way autorunsc writes it (Time or Entry Location first), 0.8 otherwise.
 */
export function headerConfidence(fields: string[]): number {
  const cols = fields.map(columnOf);
  if (!cols.includes('entryLocation') || !cols.includes('entry')) return 0;
  return cols[0] === 'time' || cols[0] === 'entryLocation' ? 0.95 : 0.8;
}
