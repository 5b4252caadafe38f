import { AlprError } from '../../core/index.js';

/**
 * RFC 4180 CSV: fields separated by commas, optionally double-quoted with "" for a quote inside,
 * records ending in CRLF or LF. Yields each record as an array of strings, header included.
 */
export function* parseCsv(text: string): Generator<string[]> {
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.length > 1 || record[0] !== '') yield record;
      record = [];
      field = '';
      line++;
    } else field += c;
  }
  if (quoted) throw new AlprError('ALPR_ERR_INVALID_INPUT', `CSV: a quoted field opened before line ${line} is never closed`);
  record.push(field);
  if (record.length > 1 || record[0] !== '') yield record;
}
