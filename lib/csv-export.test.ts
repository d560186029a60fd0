import { describe, expect, it } from 'vitest';
import { csvCell, csvResponse, csvRow } from './csv-export';

describe('csvCell', () => {
  it.each([
    ['=cmd|"/c calc"!A1', `"'=cmd|""/c calc""!A1"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\r=1', `"'\r=1"`],
  ])('neutralizes the formula cell %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes commas, quotes and line breaks and leaves plain text alone', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('writes null as empty and numbers and dates as text', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-1)).toBe("'-1");
    expect(csvCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe('csvRow and csvResponse', () => {
  it('joins cells with commas and ends rows with CRLF', () => {
    expect(csvRow(['a', '=b', null])).toBe("a,'=b,\r\n");
  });

  it('streams a header and rows with a UTF-8 BOM', async () => {
    async function* rows() {
      yield ['x', '@y'];
    }
    const response = csvResponse('audit 1.csv', ['a', 'b'], rows());
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit_1.csv"');
    expect(await response.text()).toBe("a,b\r\nx,'@y\r\n");
  });
});
