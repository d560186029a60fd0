import { heuristicById } from './heuristics';

export interface ScoreParts {
  rarity: number;
  heuristics: number;
  newness: number;
  drift: number;
  burst: number;
  peer: number;
}

/** The label groups behind the peer part: where the entry is rarest and where it is most common. */
export interface PeerFacts {
  key: string;
  low: { value: string; have: number; hosts: number };
  high: { value: string; have: number; hosts: number };
}

export interface ScoreFacts {
  hostsNow: number;
  /** Hosts with the variant the heuristics flag, when fewer than hostsNow (else equal). */
  rareHosts: number;
  disabledHosts: number;
  familyHosts: number;
  newSince: string | null;
  nameHosts: number;
  burstHosts: number;
  heuristicIds: string[];
  variantsNow: number;
  peer: PeerFacts | null;
}

export interface ScoreReason {
  part: keyof ScoreParts | 'prevalence';
  text: string;
}

function daysAgo(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}

/** Human-readable reasons for a score ("on 1 of 4,213 hosts · first seen 2 days ago · LOLBin rundll32 · ..."). */
export function scoreReasons(parts: ScoreParts, f: ScoreFacts, now: Date): ScoreReason[] {
  const n = (x: number) => x.toLocaleString('en-US');
  const isStateRare = f.rareHosts < f.hostsNow;
  const reasons: ScoreReason[] = [{ part: parts.rarity > 0 && !isStateRare ? 'rarity' : 'prevalence', text: `on ${n(f.hostsNow)} of ${n(f.familyHosts)} hosts` }];
  if (isStateRare && parts.rarity > 0) reasons.push({ part: 'rarity', text: `flagged variant on ${n(f.rareHosts)} of them` });
  if (f.newSince) {
    const d = daysAgo(f.newSince, now);
    reasons.push({ part: 'newness', text: d === 0 ? 'first seen today' : `first seen ${d} day${d === 1 ? '' : 's'} ago` });
  }
  for (const id of f.heuristicIds) reasons.push({ part: 'heuristics', text: heuristicById(id)?.title ?? id });
  if (parts.drift > 0 && f.nameHosts > f.hostsNow) {
    reasons.push({ part: 'drift', text: `same name runs a different command on ${n(f.nameHosts - f.hostsNow)} hosts` });
  } else if (parts.drift > 0 && f.disabledHosts > 0 && 2 * f.disabledHosts < f.hostsNow) {
    reasons.push({ part: 'drift', text: `disabled on ${n(f.disabledHosts)} of ${n(f.hostsNow)} hosts, enabled on the others` });
  } else if (parts.drift > 0) {
    reasons.push({ part: 'drift', text: `${f.variantsNow} variants (hash, signer or run-as differ)` });
  }
  if (parts.peer > 0 && f.peer) {
    const { key, low, high } = f.peer;
    reasons.push({ part: 'peer', text: `on ${n(low.have)} of ${n(low.hosts)} ${key}=${low.value} hosts, ${n(high.have)} of ${n(high.hosts)} ${key}=${high.value}` });
  }
  if (parts.burst > 0) reasons.push({ part: 'burst', text: `appeared on ${n(f.burstHosts)} hosts within an hour` });
  return reasons;
}
