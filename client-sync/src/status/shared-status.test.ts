import { describe, expect, it } from 'vitest';
import { fromSharedStatus, parseSharedStatus, toSharedStatus } from './shared-status';

describe('the status the leading tab shares', () => {
  it('round-trips what a follower shows', () => {
    const status = { online: true, pendingUploads: 3, pendingKeys: new Set(['orders/o1']), lastSyncedAt: new Date('2026-01-01T10:00:00.000Z') };
    const message = parseSharedStatus(structuredClone(toSharedStatus(status)));
    expect(message?.kind).toBe('status');
    if (message?.kind === 'status') expect(fromSharedStatus(message)).toEqual({ ...status, pendingKeys: new Set() });
  });

  it('carries the leader’s last failure, so a follower can say the shop is out of reach', () => {
    const status = { online: false, pendingUploads: 0, pendingKeys: new Set<string>(), lastSyncedAt: undefined, error: { code: 'NETWORK_ERROR', message: 'failed', httpStatus: 0 } };
    const message = parseSharedStatus(structuredClone(toSharedStatus(status)));
    if (message?.kind !== 'status') throw new Error('not a status');
    expect(fromSharedStatus(message).error).toEqual({ code: 'NETWORK_ERROR', message: 'NETWORK_ERROR', httpStatus: 0 });
    expect(parseSharedStatus({ kind: 'status', online: false, pendingUploads: 0, error: { code: 7 } })).toEqual({ kind: 'status', online: false, pendingUploads: 0, lastSyncedAt: undefined });
  });

  it.each([
    [null],
    ['status'],
    [{ kind: 'status', online: 'yes', pendingUploads: 0 }],
    [{ kind: 'status', online: true, pendingUploads: -1 }],
    [{ kind: 'status', online: true, pendingUploads: 1.5 }],
    [{ kind: 'status', online: true, pendingUploads: 0, lastSyncedAt: 'yesterday' }],
    [{ kind: 'other' }],
  ])('ignores %j', (message) => {
    expect(parseSharedStatus(message)).toBeUndefined();
  });

  it('reads the ask and gone signals', () => {
    expect(parseSharedStatus({ kind: 'ask' })).toEqual({ kind: 'ask' });
    expect(parseSharedStatus({ kind: 'gone', extra: 1 })).toEqual({ kind: 'gone' });
  });
});
