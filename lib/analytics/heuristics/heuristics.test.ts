import { describe, expect, it } from 'vitest';
import { HEURISTICS, evaluateHeuristics, exampleInput, heuristicById } from './index';

describe('catalogue', () => {
  it('has at least 30 heuristics with unique, stable-looking ids', () => {
    expect(HEURISTICS.length).toBeGreaterThanOrEqual(30);
    const ids = HEURISTICS.map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^TL-[A-Z0-9]+(?:-[A-Z0-9]+)+$/);
  });

  it('describes every heuristic completely', () => {
    for (const h of HEURISTICS) {
      expect(h.title.length, h.id).toBeGreaterThan(5);
      expect(h.explanation.length, h.id).toBeGreaterThan(20);
      expect(h.explanation, h.id).not.toMatch(/\n/);
      expect(h.attack, h.id).toMatch(/^T\d{4}(?:\.\d{3})?$/);
      expect([1, 2, 3, 4, 5]).toContain(h.severity);
      if (h.reference) expect(h.reference, h.id).toMatch(/^(?:Sigma|Elastic): .+ \([0-9a-f-]{36}\)$/);
    }
  });

  it('finds heuristics by id', () => {
    expect(heuristicById('TL-STEALTH-UNICODE')?.family).toBe('stealth');
    expect(heuristicById('TL-NOPE')).toBeUndefined();
  });
});

// Table-driven: a heuristic without positive and negative examples fails here.
describe.each(HEURISTICS.map((h) => [h.id, h] as const))('%s', (_id, h) => {
  it('declares examples both ways', () => {
    expect(h.examples.positive.length).toBeGreaterThan(0);
    expect(h.examples.negative.length).toBeGreaterThan(0);
  });

  it.each(h.examples.positive.map((ex) => [JSON.stringify(ex).slice(0, 100), ex] as const))('hits %s', (_label, ex) => {
    const input = exampleInput(ex);
    if (h.appliesTo) expect(h.appliesTo).toContain(input.family);
    const hit = h.test(input);
    expect(hit).not.toBeNull();
    expect(hit!.id).toBe(h.id);
    expect(hit!.detail.length).toBeGreaterThan(3);
    // Through the evaluator as well, so appliesTo and the registry wiring are covered.
    expect(evaluateHeuristics(input).map((x) => x.id)).toContain(h.id);
  });

  it.each(h.examples.negative.map((ex) => [JSON.stringify(ex).slice(0, 100), ex] as const))('ignores %s', (_label, ex) => {
    expect(evaluateHeuristics(exampleInput(ex)).map((x) => x.id)).not.toContain(h.id);
  });
});

describe('evaluateHeuristics', () => {
  it('respects appliesTo: Windows rules stay silent on cron jobs', () => {
    const ids = evaluateHeuristics(exampleInput({ family: 'cron', command: 'powershell -enc AAAAAAAAAAAAAAAAAAAA' })).map((h) => h.id);
    expect(ids).not.toContain('TL-LOLBIN-POWERSHELL');
  });

  it('explains a planted LOLBin task with evidence', () => {
    const hits = evaluateHeuristics(
      exampleInput({ name: '\\Updater', command: 'rundll32.exe C:\\Users\\bob\\AppData\\Local\\x.dll,Start', runAs: 'SYSTEM', hidden: true }),
    );
    const byId = new Map(hits.map((h) => [h.id, h.detail]));
    expect(byId.get('TL-LOLBIN-RUNDLL32')).toMatch(/rundll32\.exe with c:\\users\\\*\\appdata\\local\\x\.dll in C:\\Users\\\*\\AppData/);
    expect(byId.get('TL-PRIN-PRIV-USERWRITABLE')).toMatch(/SYSTEM/);
    expect(byId.has('TL-STEALTH-HIDDEN-TASK')).toBe(true);
  });
});
