import { describe, expect, it } from 'vitest';
import { uploadFieldsSchema } from './upload';

describe('upload fields', () => {
  it('treats empty form fields as absent', () => {
    expect(uploadFieldsSchema.parse({ host: '', collectedAt: '', format: '', labels: '' })).toEqual({
      host: null,
      collectedAt: null,
      format: null,
      labels: {},
      wait: true,
    });
  });

  it('parses labels, a format override and wait=false', () => {
    const f = uploadFieldsSchema.parse({ labels: 'Role=dc, site=paris-1', format: 'cron', wait: 'false', collectedAt: '2026-11-20T06:00:00Z' });
    expect(f).toMatchObject({ labels: { role: 'dc', site: 'paris-1' }, format: 'cron', wait: false });
    expect(f.collectedAt?.toISOString()).toBe('2026-11-20T06:00:00.000Z');
  });

  it('refuses bad values with a message naming the field', () => {
    expect(() => uploadFieldsSchema.parse({ labels: 'role' })).toThrow(/not key=value/);
    expect(() => uploadFieldsSchema.parse({ collectedAt: 'yesterday' })).toThrow(/ISO-8601/);
    expect(() => uploadFieldsSchema.parse({ format: 'exe' })).toThrow();
    expect(() => uploadFieldsSchema.parse({ host: 'ws\u0000x' })).toThrow(/control characters/);
  });
});
