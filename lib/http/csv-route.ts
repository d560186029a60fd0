import { authenticateRequest, type RequestPolicy } from '@/lib/auth/authenticate-request';
import type { Principal } from '@/lib/auth/principal';
import { csvResponse } from '@/lib/csv-export';
import { toErrorResponse } from '@/lib/errors';
import type { RawSearchParams } from '@/lib/validation/table-params';

interface CsvRoute<S> {
  policy: RequestPolicy;
  /** The list's own URL parser: the export holds exactly what the page's filter and sort show. */
  parse: (raw: RawSearchParams) => S;
  fileName: (search: S) => string;
  header: readonly string[];
  rows: (search: S, principal: Principal) => AsyncIterable<readonly unknown[]>;
}

/** The GET handler of a list's `/export`: authorize, read the filter from the URL, stream the rows as CSV. */
export function csvRoute<S>(route: CsvRoute<S>): (request: Request) => Promise<Response> {
  return async function GET(request: Request): Promise<Response> {
    try {
      const principal = await authenticateRequest(request, route.policy);
      const search = route.parse(Object.fromEntries(new URL(request.url).searchParams));
      return csvResponse(route.fileName(search), route.header, route.rows(search, principal));
    } catch (err) {
      return toErrorResponse(err);
    }
  };
}

/** Today as YYYY-MM-DD, for export file names. */
export const today = () => new Date().toISOString().slice(0, 10);
