import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Real sample exports live beside the project in ../shared/samples (never copied into the repo). */
export const SAMPLES_DIR = process.env.TASKLENS_SAMPLES ?? path.resolve(process.cwd(), '..', 'shared', 'samples');

export function samplePath(relative: string): string {
  return path.join(SAMPLES_DIR, relative);
}

export function readSample(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(samplePath(relative)));
}
