import { describe, expect, it } from 'vitest';
import { checkProtocolVersion } from './protocol-version';

describe('checking a client’s protocol version', () => {
  it.each([
    [undefined, 3, 'ok'],
    ['', 3, 'ok'],
    ['3', 3, 'ok'],
    ['4', 3, 'ok'],
    ['2', 3, 'outdated'],
    ['0', 1, 'outdated'],
    ['1.5', 1, 'malformed'],
    ['one', 1, 'malformed'],
    ['-1', 1, 'malformed'],
    ['12345678', 1, 'malformed'],
  ] as const)('answers %j against minimum %i with %s', (header, minimum, expected) => {
    expect(checkProtocolVersion(header, minimum)).toBe(expected);
  });
});
