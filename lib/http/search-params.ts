import type { RawSearchParams } from '@/lib/validation/table-params';

/** A request's query string in the shape the page search-param parsers take (repeated keys become lists). */
export function searchParamsOf(request: Request): RawSearchParams {
  const out: RawSearchParams = {};
  for (const [key, value] of new URL(request.url).searchParams) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
