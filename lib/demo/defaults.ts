import { generateFleet, type FleetOptions } from './fleet';
import type { PlantedItem } from './planted';

/** The fleet `npx tasklens demo` builds without flags; the e2e suite looks for PLANTED in it. */
export const DEMO_DEFAULTS: Required<Pick<FleetOptions, 'hosts' | 'days' | 'seed'>> = { hosts: 120, days: 14, seed: 1 };

/** Ground truth of the default demo fleet (placement depends on hosts/days/seed: use `generateFleet(o).planted` otherwise). */
export const PLANTED: readonly PlantedItem[] = generateFleet(DEMO_DEFAULTS).planted;
