/**
 * A `mongoexport` file's text to documents: either one JSON document after another (the default,
 * one per line, or pretty-printed across lines) or one JSON array (`--jsonArray`), in Extended
 * JSON. Pure. Every unreadable part is a problem naming the file and line; the caller decides
 * (the legacy merge refuses the whole run), so one bad line never hides the others.
 */
import type { Problem } from '../../errors';
import type { LegacyRecord } from '../legacy-record';
import { decodeExtendedJson } from './decode-extended-json';


export interface ParsedExport {
  readonly records: LegacyRecord[];
  readonly problems: Problem[];
}

export function parseExport(text: string, file: string): ParsedExport {
  const body = text.replace(/^\uFEFF/, '');
  return body.trimStart().startsWith('[') ? parseJsonArray(body, file) : parseDocumentStream(body, file);
}

function malformed(where: string, message: string): Problem {
  return { code: 'MALFORMED_EXPORT', where, message };
}

function toDocument(value: unknown, where: string, problems: Problem[]): LegacyRecord | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(malformed(where, 'not a JSON object'));
    return undefined;
  }
  return { where, doc: decodeExtendedJson(value) as Record<string, unknown> };
}

/**
 * `--jsonArray`: the brackets are blanked out (positions and lines kept) and the items read like a
 * document stream with commas between them, so a broken item is named by its line and the others
 * are still read.
 */
function parseJsonArray(text: string, file: string): ParsedExport {
  const open = text.indexOf('[');
  const close = text.lastIndexOf(']');
  if (close < open || text.slice(close + 1).trim() !== '') {
    return { records: [], problems: [malformed(file, 'a --jsonArray export must be one JSON array, closed by "]" (a truncated file?)')] };
  }
  const inner = `${text.slice(0, open)} ${text.slice(open + 1, close)} `;
  return parseDocumentStream(inner, file, true);
}

/** Splits concatenated JSON objects by brace depth (strings respected), so each gets its own line number. */
function parseDocumentStream(text: string, file: string, commas = false): ParsedExport {
  const documents: LegacyRecord[] = [];
  const problems: Problem[] = [];
  let line = 1;
  let depth = 0;
  let start = -1;
  let startLine = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (depth === 0) {
      if (/\s/.test(char) || (commas && char === ',')) continue;
      if (char !== '{') {
        problems.push(malformed(`${file} line ${line}`, `unexpected ${JSON.stringify(char)} where a document should start`));
        // Skip the rest of this line and look for the next document.
        const next = text.indexOf('\n', i);
        if (next === -1) break;
        i = next - 1;
        continue;
      }
      start = i;
      startLine = line;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) {
        const where = `${file} line ${startLine}`;
        try {
          const document = toDocument(JSON.parse(text.slice(start, i + 1)), where, problems);
          if (document) documents.push(document);
        } catch (error) {
          problems.push(malformed(where, `not valid JSON (${(error as Error).message})`));
        }
      }
    }
  }
  if (depth !== 0 || inString) problems.push(malformed(`${file} line ${startLine}`, 'the document starting here never ends (a truncated file?)'));
  return { records: documents, problems };
}

