/**
 * CSV for spreadsheets (RFC 4180 quoting) with formula neutralization: a cell an attacker controls must not start
 * with = + - @ tab or CR, which Excel and LibreOffice would evaluate (OWASP "CSV injection"). Such cells get a
 * leading apostrophe, which spreadsheets display as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** A streamed CSV download: header row, then one row per item of `rows`. */
export function csvResponse(fileName: string, header: readonly string[], rows: AsyncIterable<readonly unknown[]>): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        // A BOM makes Excel read the file as UTF-8.
        controller.enqueue(encoder.encode('\uFEFF' + csvRow(header)));
        for await (const row of rows) controller.enqueue(encoder.encode(csvRow(row)));
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
    },
  });
}
