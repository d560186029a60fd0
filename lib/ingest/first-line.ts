/**
 * The first line with something other than whitespace, as `text.split(/\r?\n/).find((l) => l.trim() !== '')`
 * gives it ('' when there is none), without splitting the rest: detection asks this of a 64K-character head of
 * every file, and the split was a whole pass and an array of every line of it.
 */
export function firstNonBlankLine(text: string): string {
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    // split(/\r?\n/) takes a CR only together with the LF after it.
    const line = text.slice(start, nl !== -1 && text.charCodeAt(end - 1) === 13 && end > start ? end - 1 : end);
    if (line.trim() !== '') return line;
    if (nl === -1) break;
    start = nl + 1;
  }
  return '';
}
