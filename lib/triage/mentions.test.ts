import { describe, expect, it } from 'vitest';
import { extractMentions, MAX_MENTIONS, splitMentions } from './mentions';

describe('mentions', () => {
  it('finds local parts and whole e-mails, lower-cased, without trailing punctuation', () => {
    expect(extractMentions('@Alice, please check; cc @bob.smith. And (@carol@corp.example).')).toEqual(['alice', 'bob.smith', 'carol@corp.example']);
  });

  it('ignores e-mail addresses, URLs, code spans and fenced code', () => {
    const text = 'mail dave@corp.example, see https://x.example/@erin\n`@frank` and\n```\n@grace\n```\n~~~sh\n@heidi\n~~~\nbut @ivan';
    expect(extractMentions(text)).toEqual(['ivan']);
  });

  it('keeps an unterminated fence from swallowing the rest, and caps the count', () => {
    expect(extractMentions('```\n@judy')).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => `@u${i}`).join(' ');
    expect(extractMentions(many)).toHaveLength(MAX_MENTIONS);
  });

  it('splits text into parts that join back to the original', () => {
    const text = 'hi @Alice and a@b.example, @bob!';
    const parts = splitMentions(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.handle).map((p) => [p.text, p.handle])).toEqual([['@Alice', 'alice'], ['@bob', 'bob']]);
  });
});
