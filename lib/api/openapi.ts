import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** The parts of an OpenAPI document this app reads; the rest passes through untouched. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export const OPENAPI_FILE = path.join('docs', 'openapi.yaml');

let cached: OpenApiDocument | null = null;

/**
 * docs/openapi.yaml, the one hand-written API description, parsed once per process. The route that serves it is
 * static, so a production build parses it at `next build` and `next start` serves the result.
 */
export function openApiDocument(root = process.cwd()): OpenApiDocument {
  cached ??= parse(readFileSync(path.join(root, OPENAPI_FILE), 'utf8')) as OpenApiDocument;
  return cached;
}
