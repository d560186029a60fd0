import { guessOs, normalizeCommand } from '@/lib/ingest/normalize-command';
import { identityOf, type EntryIdentity } from '@/lib/ingest/normalize';
import type { JobFamily, JobRecord } from '@/lib/ingest/types';
import type { HeuristicExample, HeuristicInput } from './types';

/** A parsed record plus its identity (computed here unless the caller has it): the one way records enter the heuristics. */
export function toHeuristicInput(rec: JobRecord, identity: EntryIdentity = identityOf(rec)): HeuristicInput {
  const { normName, normCommand, executable } = identity;
  return {
    family: rec.family,
    kind: rec.kind,
    name: rec.name,
    command: rec.command,
    imagePath: rec.imagePath,
    runAs: rec.runAs,
    runLevel: rec.runLevel,
    enabled: rec.enabled,
    hidden: rec.hidden,
    signer: rec.signer,
    verified: rec.verified,
    fileNotFound: rec.fileNotFound,
    schedule: rec.schedule,
    triggers: rec.triggers,
    author: rec.author,
    description: rec.description,
    company: rec.company,
    normName,
    normCommand,
    executable,
  };
}

/** Examples name only what matters; the family defaults to a Windows task (Unix examples say so). */
export function exampleInput(ex: HeuristicExample): HeuristicInput {
  const command = ex.command ?? '';
  const family: JobFamily = ex.family ?? 'windows_task';
  const name = ex.name ?? (family === 'windows_task' ? '\\Example Task' : 'example');
  const rec = { ...ex, family, name, command, raw: '' } as JobRecord;
  return toHeuristicInput(rec);
}

// Per-input memo of imageOf and launchedPaths: about thirty heuristics ask for them, and each answer normalizes the
// command again (normalizeCommand): the first ingest of a fleet spent 1.9 s of its 12 s evaluating 7,700 new
// variants. Inputs are never changed once built (toHeuristicInput, exampleInput), so the memo cannot go stale.
const images = new WeakMap<HeuristicInput, string>();

/** Normalized image path (imagePath when given, else the command's executable), Windows lower-cased. */
export function imageOf(input: HeuristicInput): string {
  let image = images.get(input);
  if (image === undefined) images.set(input, (image = computeImage(input)));
  return image;
}

function computeImage(input: HeuristicInput): string {
  const win = input.family === 'windows_task' || input.family === 'windows_autorun';
  if (input.imagePath?.trim()) {
    const os = win ? 'windows' : guessOs(input.imagePath);
    return normalizeCommand(input.imagePath.trim().replace(/^"|"$/g, ''), os).executable.replace(/^"|"$/g, '');
  }
  return input.executable.replace(/^rundll32\.exe\|/, '').replace(/^"|"$/g, '');
}
