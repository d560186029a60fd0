/**
 * Unicode tricks used to disguise persistence (FORMATS.md §1.8, bc8abbd sample: Cyrillic `і` in `іexplorer.exe`,
 * U+2000 after a driver name). The identity key keeps them distinct; this flags them for triage.
 */

/** Bidi overrides/isolates (RTLO `exe.txt` tricks), zero-width characters, BOM inside text. */
const INVISIBLE_OR_BIDI = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/** C0 controls other than TAB/CR/LF, DEL and C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Spaces that look like ASCII space but are not (never trimmed or collapsed by normalization). */
const ODD_SPACE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
/** Fullwidth ASCII look-alikes. */
const FULLWIDTH = /[\uFF01-\uFF5E]/u;
const LETTERS = /\p{L}+/gu;
const CONFUSABLE_SCRIPTS = [/\p{Script=Cyrillic}/u, /\p{Script=Greek}/u, /\p{Script=Armenian}/u, /\p{Script=Cherokee}/u];

/** One word mixing Latin with a look-alike script is the homoglyph signature; a wholly Cyrillic name is not. */
function hasMixedScriptWord(s: string): boolean {
  for (const [word] of s.matchAll(LETTERS)) {
    if (!/\p{Script=Latin}/u.test(word)) continue;
    if (CONFUSABLE_SCRIPTS.some((re) => re.test(word))) return true;
  }
  return false;
}

/** Printable ASCII, tab and line breaks: nothing above can match such text, and nearly every real job is all of it. */
const PLAIN = /^[\t\n\r\x20-\x7E]*$/;

export function hasSuspiciousUnicode(s: string): boolean {
  // The checks below scan the text five times (the mixed-script one word by word): ~20 µs per new variant, the
  // costliest heuristic of a first ingest. One scan clears the plain ones.
  if (PLAIN.test(s)) return false;
  return INVISIBLE_OR_BIDI.test(s) || CONTROL.test(s) || ODD_SPACE.test(s) || FULLWIDTH.test(s) || hasMixedScriptWord(s);
}
