/** Demo fleet generator: realistic scheduled-job collections in the real input formats, with planted outliers. */
export { generateFleet, hostLabels, patchLevel, isPatchTuesday, ALL_FORMATS, DEFAULT_START, SITES } from './fleet';
export type { DemoFormat, Fleet, FleetOptions, HostInfo, ChurnEvent } from './fleet';
export { fleetFiles, writeFleet } from './files';
export type { FleetFile, WriteSummary } from './files';
export { PLANTED_DEFS, placePlanted } from './planted';
export type { PlantedItem, PlantedSource } from './planted';
export { DEMO_DEFAULTS, PLANTED } from './defaults';
