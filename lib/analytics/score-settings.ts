import { z } from 'zod';

/** Score weights and thresholds (PRODUCT.md §4); stored under the `score` setting, these are the defaults. */
export const scoreSettingsSchema = z.object({
  weights: z.object({
    rarity: z.number().min(0).max(100),
    heuristics: z.number().min(0).max(100),
    newness: z.number().min(0).max(100),
    drift: z.number().min(0).max(100),
    burst: z.number().min(0).max(100),
    peer: z.number().min(0).max(100),
  }),
  /** Heuristic severity sum that counts as "fully suspicious". */
  heuristicCap: z.number().int().min(1).max(50),
  /** An entry counts as new for this many days after its first non-baseline appearance. */
  newDays: z.number().int().min(1).max(90),
  /** Below this many hosts reporting a family, rarity means nothing and scores 0. */
  minFleet: z.number().int().min(1).max(1000),
  /** Hosts gaining the same new entry within an hour to call it a burst. */
  burstHosts: z.number().int().min(2).max(10_000),
  /** Hosts a label group (role=..., site=...) must have in a family before peer deviation is judged in it. */
  peerMinGroup: z.number().int().min(2).max(10_000),
  /** Score from which an entry is listed as an outlier. */
  outlierThreshold: z.number().min(0).max(100),
});

export type ScoreSettings = z.infer<typeof scoreSettingsSchema>;

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  weights: { rarity: 30, heuristics: 40, newness: 12, drift: 12, burst: 6, peer: 6 },
  heuristicCap: 10,
  newDays: 14,
  minFleet: 3,
  burstHosts: 5,
  peerMinGroup: 3,
  outlierThreshold: 25,
};
