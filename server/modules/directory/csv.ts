/**
 * CSV as RFC 4180 writes it: fields separated by commas, quoted with double quotes when they hold a comma, a
 * quote or a line break, a quote inside doubled. Lines end in CRLF or LF; a byte-order mark is ignored.
 */

export interface CsvRecord {
  /** The line the record starts on, counting the header as line 1: what a spreadsheet shows as the row number. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Reads records one at a time, so a large file is never held twice (as text and as a table of strings). */
export function* readCsv(text: string): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(start, `A quoted field that starts on line ${start} is never closed.`);
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          cell += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') throw new CsvSyntaxError(line, `Line ${line} has text right after a closing quote; put a comma between fields.`);
      } else {
        let end = i;
        while (end < n && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
        cell = text.slice(i, end);
        if (cell.includes('"')) throw new CsvSyntaxError(line, `Line ${line} has a quote inside a field that is not quoted; quote the whole field and double the quote ("").`);
        i = end;
      }
      cells.push(cell);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    // A blank line (a single empty cell) carries nothing; trailing blank lines are common.
    if (cells.length === 1 && cells[0] === '') continue;
    yield { line: start, cells };
  }
}

/** Text a spreadsheet would run as a formula: =, @, a tab or return first, or + and - not followed by a number. */
function looksLikeFormula(text: string): boolean {
  return /^[=@\t\r]/.test(text) || /^[+-](?![\d\s(.])/.test(text) || (text.startsWith("'") && looksLikeFormula(text.slice(1)));
}

/**
 * A cell as a spreadsheet should read it. Text that a spreadsheet would run as a formula is prefixed with an
 * apostrophe, which readCell removes again on import.
 */
export function writeCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function writeRow(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${cells.map(writeCell).join(',')}\r\n`;
}

/** A cell as written by writeCell (the formula guard removed), trimmed. */
export function readCell(value: string | undefined): string {
  const text = (value ?? '').trim();
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}
