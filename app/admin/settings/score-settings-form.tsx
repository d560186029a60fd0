import { ActionForm } from '@/components/forms/action-form';
import type { ScoreSettings } from '@/lib/analytics/score-settings';
import { THRESHOLD_KEYS, WEIGHT_KEYS } from '@/lib/validation/settings';
import { saveScoreSettings } from './actions';

const WEIGHT_HELP: Record<(typeof WEIGHT_KEYS)[number], string> = {
  rarity: 'Rarity: on few of the hosts reporting its family',
  heuristics: 'Heuristics: suspicious paths, LOLBins, encoded commands…',
  newness: 'Newness: first seen after the hosts’ baselines',
  drift: 'Drift: same name, different command elsewhere',
  burst: 'Burst: new on many hosts within an hour',
  peer: 'Peer group: rare in one label group, common in another',
};

const THRESHOLD_HELP: Record<(typeof THRESHOLD_KEYS)[number], { label: string; step: number }> = {
  outlierThreshold: { label: 'Outlier from score (0–100)', step: 0.5 },
  heuristicCap: { label: 'Heuristic severity counted as fully suspicious', step: 1 },
  newDays: { label: 'Days an entry counts as new', step: 1 },
  minFleet: { label: 'Hosts per family before rarity counts', step: 1 },
  burstHosts: { label: 'Hosts within an hour for a burst', step: 1 },
  peerMinGroup: { label: 'Hosts per label group before peer deviation counts', step: 1 },
};

/** Weights are relative (each part's share is its weight over the sum); thresholds are absolute. */
export function ScoreSettingsForm({ settings }: { settings: ScoreSettings }) {
  return (
    <ActionForm action={saveScoreSettings} label="Score settings" className="stack-form">
      <fieldset className="settings-grid">
        <legend>Weights</legend>
        {WEIGHT_KEYS.map((k) => (
          <label key={k}>
            {WEIGHT_HELP[k]}
            <input type="number" name={`weight.${k}`} defaultValue={settings.weights[k]} min={0} max={100} step={1} required />
          </label>
        ))}
      </fieldset>
      <fieldset className="settings-grid">
        <legend>Thresholds</legend>
        {THRESHOLD_KEYS.map((k) => (
          <label key={k}>
            {THRESHOLD_HELP[k].label}
            <input type="number" name={k} defaultValue={settings[k]} min={0} step={THRESHOLD_HELP[k].step} required />
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="primary">
          Save score settings
        </button>
      </div>
    </ActionForm>
  );
}
