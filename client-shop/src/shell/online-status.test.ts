import { describe, expect, it } from 'vitest';
import { toConnectionState } from './online-status';

describe('the connection indicator', () => {
  it.each([
    [false, false, 'offline'],
    [false, true, 'offline'],
    [true, false, 'connecting'],
    [true, true, 'live'],
  ] as const)('browser online %s, stream %s: %s', (online, stream, state) => {
    expect(toConnectionState(online, stream)).toBe(state);
  });
});
