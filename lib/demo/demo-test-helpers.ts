import { autorunsParser } from '@/lib/ingest/autoruns';
import { cronParser } from '@/lib/ingest/cron';
import { launchdParser } from '@/lib/ingest/launchd';
import { systemdParser } from '@/lib/ingest/systemd';
import type { ParseResult, Parser } from '@/lib/ingest/types';
import { fleetFiles, type FleetFile } from './files';
import { generateFleet, type Fleet, type FleetOptions } from './fleet';

/** Shared by the demo tests: a small fleet, all its files, and the parser for each demo format. */

export const PARSERS: Record<string, Parser> = { autoruns: autorunsParser, cron: cronParser, systemd: systemdParser, launchd: launchdParser };

/** 2026-11-09 is a Monday: day 1 of the window is Patch Tuesday (2026-11-10). */
export const SMALL: FleetOptions = { hosts: 20, days: 3, seed: 7, startDate: new Date(Date.UTC(2026, 10, 9)) };

export function build(opts: FleetOptions = SMALL): { fleet: Fleet; files: FleetFile[] } {
  const fleet = generateFleet(opts);
  return { fleet, files: [...fleetFiles(fleet)] };
}

export function parse(f: FleetFile): ParseResult {
  return PARSERS[f.format]!.parse(f.bytes, { fileName: f.path });
}

export function fileOf(files: FleetFile[], host: string, dayIndex: number, rel: string): FleetFile | undefined {
  return files.find((f) => f.host === host && f.dayIndex === dayIndex && f.path.endsWith(`/${host}/${rel}`));
}
