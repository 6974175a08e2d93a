import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvSyntaxError, readCell, readCsv, writeCell, writeRow } from './csv.ts';

const records = (text: string) => [...readCsv(text)];

// Cells as people leave them: reading trims, so the text round-trips without outer spaces.
const cell = fc.oneof(fc.string({ unit: 'grapheme-composite' }), fc.constantFrom("'=x", "''=x", '=1+2', '-x', '+1 555', 'a\r\nb', '"')).map((s) => s.trim());

describe('reading CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const text = '\uFEFFid,name,notes\r\n1,"Casa ""La Luz""","Line one\nline two"\r\n\r\n2,Plain,"a, b"\n';
    expect(records(text)).toEqual([
      { line: 1, cells: ['id', 'name', 'notes'] },
      { line: 2, cells: ['1', 'Casa "La Luz"', 'Line one\nline two'] },
      { line: 5, cells: ['2', 'Plain', 'a, b'] },
    ]);
  });

  it('keeps empty fields, and a last line without a line break', () => {
    expect(records('a,,c\n,,')).toEqual([
      { line: 1, cells: ['a', '', 'c'] },
      { line: 2, cells: ['', '', ''] },
    ]);
  });

  it('names the line of a quote that is never closed, or stray text after a closing quote', () => {
    expect(() => records('a,b\n1,"open\n2,x\n')).toThrow(new CsvSyntaxError(2, 'A quoted field that starts on line 2 is never closed.'));
    expect(() => records('a\n"x"y\n')).toThrow(CsvSyntaxError);
    expect(() => records('a\nsay "hi"\n')).toThrow(/quote inside a field/);
  });

  it('reads back whatever it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => writeRow(r)).join('');
        expect(records(text).map((r) => r.cells.map(readCell))).toEqual(rows);
      }),
    );
  });
});

describe('writing CSV', () => {
  it('quotes what needs quoting and keeps spreadsheet formulas from running', () => {
    expect(writeRow(['plain', 'with, comma', 'say "hi"', null, 3])).toBe('plain,"with, comma","say ""hi""",,3\r\n');
    expect(writeCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(writeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(writeCell('+1 713-555-0100')).toBe('+1 713-555-0100');
    expect(writeCell('-cmd')).toBe("'-cmd");
    expect(readCell("'=1+2")).toBe('=1+2');
    expect(readCell("'plain")).toBe("'plain");
    expect(writeCell("'=x")).toBe("''=x");
    expect(readCell("''=x")).toBe("'=x");
  });
});
