import 'server-only';

/** Rows per query when an export walks a list; large enough that scoring once per batch stays cheap. */
export const EXPORT_PAGE_SIZE = 1000;
/** Exports stop here: a spreadsheet with more rows is not read by anyone. */
export const EXPORT_ROW_LIMIT = 200_000;

/**
 * Every row of a paged DAL list for the caller's filter and sort, batch by batch: the CSV export of a table runs the
 * very query its page runs, so the file holds exactly what the filter shows (all pages, not only the visible one).
 */
export async function* everyRow<S extends { page: number; size: number }, R>(
  search: S,
  list: (s: S) => Promise<{ rows: R[] }>,
  size = EXPORT_PAGE_SIZE,
): AsyncGenerator<R> {
  for (let page = 1; (page - 1) * size < EXPORT_ROW_LIMIT; page++) {
    const { rows } = await list({ ...search, page, size });
    yield* rows;
    if (rows.length < size) return;
  }
}
