import iconv from 'iconv-lite';
import { decodeBytes, type TextEncodingName } from './decode';
import { ALIAS_KEYS, headerKey } from './schtasks-locale';

/**
 * schtasks run from cmd.exe writes the console OEM code page; decodeBytes can only guess cp1252 for 8-bit text, which
 * turns CP850 `résultat` into `r‚sultat` (FORMATS.md §0.1). We re-decode with each plausible page and keep the one
 * whose text contains the most known header words, then the fewest mojibake characters.
 */
export function decodeSchtasksText(bytes: Uint8Array): { text: string; encoding: TextEncodingName | 'cp437'; repaired: boolean } {
  const first = decodeBytes(bytes);
  if (first.encoding === 'cp1252' || first.encoding === 'cp850' || first.encoding === 'cp932') {
    const buf = Buffer.from(bytes);
    const candidates = (['cp1252', 'cp850', 'cp437', 'cp932'] as const).map((enc) => ({ enc, text: iconv.decode(buf, enc) }));
    const best = pickBest(candidates);
    return { text: best.text, encoding: best.enc, repaired: best.enc !== first.encoding };
  }
  const repaired = repairOemMojibake(first.text);
  return { text: repaired ?? first.text, encoding: first.encoding, repaired: repaired !== null };
}

/**
 * Text that was already decoded as cp1252 and re-saved (e.g. pasted into a UTF-8 file) keeps its mojibake;
 * undo it when the round trip through cp1252 is lossless and CP850 reads better.
 */
export function repairOemMojibake(text: string): string | null {
  if (!/\p{L}[\u201a\u201e\u2026\u0160\u0152\u02c6\u2021\u201c\u201d\u2013\u2014\u0192\u0081\u00a1\u00a2\u00a3\u00a4]/u.test(text)) {
    return null;
  }
  const bytes = iconv.encode(text, 'cp1252');
  if (iconv.decode(bytes, 'cp1252') !== text) return null;
  const fixed = iconv.decode(bytes, 'cp850');
  const best = pickBest([{ enc: 'orig', text }, { enc: 'cp850', text: fixed }]);
  return best.enc === 'cp850' ? fixed : null;
}

function pickBest<T extends { text: string }>(candidates: T[]): T {
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const c of candidates) {
    if (c.text.includes('\ufffd')) continue;
    const score = aliasHits(c.text) * 1000 + letterScore(c.text);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

function aliasHits(text: string): number {
  const key = headerKey(text.slice(0, 6000));
  let hits = 0;
  for (const alias of ALIAS_KEYS) if (key.includes(alias)) hits++;
  return hits;
}

const GOOD = /[àâäçéèêëîïôöùûüñáíóúßÀÉÈÇÑÜÖÄ\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const BAD = /[\u0080-\u009f\u2000-\u206f\u2500-\u259f\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2122\u00a4\u00a6\u00b3\u00f7\uff61-\uff9f]/u;

/** Plain accented letters score up; C1 controls, typographic punctuation inside words, box drawing and half-width kana score down. */
function letterScore(text: string): number {
  let score = 0;
  const sample = text.slice(0, 20000);
  for (const ch of sample) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (BAD.test(ch)) score -= 2;
    else if (GOOD.test(ch)) score += 1;
  }
  // An upper-case accented letter between lower-case ones is CP850-read-as-something-else (`rÚsultat`).
  score -= 2 * (sample.match(/\p{Ll}[À-Þ]\p{Ll}/gu)?.length ?? 0);
  return score;
}

/**
 * Sniffing only sees text already decoded as cp1252; offer the CP850 and CP932 readings of the same bytes so a
 * French or Japanese console capture is still recognised.
 */
export function alternateReadings(text: string): string[] {
  const head = text.slice(0, 8000);
  if (!/[\u0080-\uffff]/.test(head)) return [head];
  const bytes = iconv.encode(head, 'cp1252');
  if (iconv.decode(bytes, 'cp1252') !== head) return [head];
  return [head, iconv.decode(bytes, 'cp850'), iconv.decode(bytes, 'cp932')];
}
