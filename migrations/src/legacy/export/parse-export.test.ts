import { describe, expect, it } from 'vitest';
import { parseExport } from './parse-export';

const oid = (n: number) => ({ $oid: n.toString(16).padStart(24, '0') });

describe('parseExport', () => {
  it('reads one document per line, in Extended JSON', () => {
    const text = [
      JSON.stringify({ _id: oid(1), name: 'Laddu', price: { $numberDecimal: '60.00' } }),
      JSON.stringify({ _id: oid(2), name: 'Kumkum', createdAt: { $date: '2024-01-01T00:00:00Z' } }),
      '',
    ].join('\n');
    const { records: documents, problems } = parseExport(text, 'products.json');
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.where)).toEqual(['products.json line 1', 'products.json line 2']);
    expect(documents[0]!.doc).toEqual({ _id: '000000000000000000000001', name: 'Laddu', price: 60 });
    expect(documents[1]!.doc.createdAt).toBe('2024-01-01T00:00:00.000Z');
  });

  it('reads a --jsonArray export', () => {
    const text = JSON.stringify([{ _id: oid(1), name: 'A' }, { _id: oid(2), name: 'B' }], null, 2);
    const { records: documents, problems } = parseExport(text, 'adminproducts.json');
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.doc.name)).toEqual(['A', 'B']);
    expect(documents[1]!.where).toBe('adminproducts.json line 8');
  });

  it('reads pretty-printed documents spread over lines, braces inside strings included', () => {
    const text = `{\n  "_id": {"$oid": "${'a'.repeat(24)}"},\n  "name": "Brace } in a name"\n}\n{"_id": {"$oid": "${'b'.repeat(24)}"}, "name": "B"}\n`;
    const { records: documents, problems } = parseExport(text, 'p.json');
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.where, d.doc.name])).toEqual([
      ['p.json line 1', 'Brace } in a name'],
      ['p.json line 5', 'B'],
    ]);
  });

  it('names every malformed line and keeps reading the rest', () => {
    const text = ['{"name": "ok"}', '{"name": "broken",}', 'garbage here', '{"name": "also ok"}'].join('\n');
    const { records: documents, problems } = parseExport(text, 'products.json');
    expect(documents.map((d) => d.doc.name)).toEqual(['ok', 'also ok']);
    expect(problems.map((p) => [p.code, p.where])).toEqual([
      ['MALFORMED_EXPORT', 'products.json line 2'],
      ['MALFORMED_EXPORT', 'products.json line 3'],
    ]);
  });

  it('reports a truncated file', () => {
    const { problems } = parseExport('{"name": "ok"}\n{"name": "cut', 'products.json');
    expect(problems).toEqual([expect.objectContaining({ code: 'MALFORMED_EXPORT', where: 'products.json line 2' })]);
  });

  it('reports a broken --jsonArray export with its line', () => {
    const { records: documents, problems } = parseExport('[\n{"name": "a"},\n{"name": }\n]', 'products.json');
    expect(documents.map((d) => d.doc.name)).toEqual(['a']);
    expect(problems[0]).toMatchObject({ code: 'MALFORMED_EXPORT', where: 'products.json line 3' });
  });

  it('refuses array items that are not documents', () => {
    const { problems } = parseExport('[{"name": "a"}, 3]', 'products.json');
    expect(problems).toEqual([expect.objectContaining({ where: 'products.json line 1', message: expect.stringContaining('3') })]);
  });
});
