import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditFilterOf, parseAuditSearchParams, serializeAuditSearch, type AuditSearch } from './audit';
import { parseChangeSearchParams, serializeChangeSearchParams } from './changes';
import { parseEntryHostSearchParams, serializeEntryHostSearchParams } from './entry';
import { parseHostDetailSearchParams, serializeHostDetailSearchParams } from './host-detail';
import { parseHostSearchParams, serializeHostSearchParams } from './hosts';
import { parseInventorySearchParams, serializeInventorySearchParams } from './inventory';
import { parseOutlierSearchParams, serializeOutlierSearchParams } from './outliers';
import { parseSuppressionSearchParams, serializeSuppressionSearchParams } from './suppressions';
import { parseTriageQueueSearchParams, serializeTriageQueueSearchParams } from './triage';

// Every page's URL state is attacker- and typo-controlled: parsing must never throw (a bad link shows defaults, not
// an error page), and serializing what was parsed must give a URL that parses back to the same state.

type Raw = Record<string, string | string[] | undefined>;
type Codec = { parse: (raw: Raw) => unknown; serialize: (s: never) => string };

const CODECS: Record<string, Codec> = {
  audit: { parse: parseAuditSearchParams, serialize: serializeAuditSearch },
  changes: { parse: parseChangeSearchParams, serialize: serializeChangeSearchParams },
  entryHosts: { parse: parseEntryHostSearchParams, serialize: serializeEntryHostSearchParams },
  hostDetail: { parse: parseHostDetailSearchParams, serialize: serializeHostDetailSearchParams },
  hosts: { parse: parseHostSearchParams, serialize: serializeHostSearchParams },
  inventory: { parse: parseInventorySearchParams, serialize: serializeInventorySearchParams },
  outliers: { parse: parseOutlierSearchParams, serialize: serializeOutlierSearchParams },
  suppressions: { parse: parseSuppressionSearchParams, serialize: serializeSuppressionSearchParams },
  triage: { parse: parseTriageQueueSearchParams, serialize: serializeTriageQueueSearchParams },
};

const KEYS = ['q', 'page', 'size', 'sort', 'family', 'kind', 'window', 'until', 'actor', 'action', 'from', 'to', 'host', 'state', 'status',
  'heuristic', 'suppressed', 'at', 'tab', 'scope', 'assignee', 'verdict', 'label', 'source', '__proto__', 'constructor'];
const VALUES = ['', '0', '-1', '1', '2', '999999999999999999999', 'NaN', '1e3', 'name.desc', 'hostCount.asc', 'score.desc', 'cron',
  'windows_task,cron', 'today', 'week', 'new', 'removed', 'show', 'only', 'all', '2026-11-20', '2026-13-45', '2026-11-20T06:00:00Z',
  '<script>alert(1)</script>', "=cmd|' /C calc'!A0", '\u0000', '\uD800', '%', '%E0%A4%A', 'a'.repeat(5000)];

// A URL cannot carry a lone surrogate (it arrives as U+FFFD), so generated text is made well-formed first.
const value = fc.oneof(fc.constantFrom(...VALUES), fc.string(), fc.string({ unit: 'binary', maxLength: 40 })).map((s) => s.toWellFormed());
const raw: fc.Arbitrary<Raw> = fc.dictionary(
  fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
  fc.oneof(value, fc.array(value, { maxLength: 3 }), fc.constant(undefined)),
  { maxKeys: 8 },
);

/** What Next hands a page: repeated keys become arrays. */
function fromQuery(query: string): Raw {
  const out: Raw = {};
  for (const [k, v] of new URLSearchParams(query.replace(/^\?/, ''))) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

describe('URL search-param parsers of every page', () => {
  for (const [name, codec] of Object.entries(CODECS)) {
    it(`${name}: parse never throws, and serialize then parse is stable`, () => {
      fc.assert(
        fc.property(raw, (r) => {
          const parsed = codec.parse(r);
          const query = codec.serialize(parsed as never);
          expect(typeof query).toBe('string');
          expect(codec.parse(fromQuery(query))).toEqual(parsed);
          if (name === 'audit') {
            const filter = auditFilterOf(parsed as AuditSearch);
            for (const d of [filter.from, filter.to]) if (d) expect(Number.isNaN(d.getTime())).toBe(false);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
