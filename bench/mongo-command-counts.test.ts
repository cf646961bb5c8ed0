/** The keys and arithmetic of the bench's MongoDB command counts. */
import { describe, expect, it } from 'vitest';
import { byCommandName, commandKey, countsSince, formatCounts, isMonitoringCommand, totalOf } from './mongo-command-counts';

describe('MongoDB command counts', () => {
  it.each([
    ['find', { find: 'sessions', filter: {} }, 'find sessions'],
    ['findAndModify', { findAndModify: '_sync_sequences' }, 'findAndModify _sync_sequences'],
    ['getMore', { getMore: 7n, collection: 'products' }, 'getMore products'],
    ['aggregate', { aggregate: 1, pipeline: [{ $changeStream: {} }, { $match: {} }] }, 'aggregate $changeStream'],
    ['getMore', { getMore: 9n, collection: '$cmd.aggregate' }, 'getMore $changeStream'],
    ['aggregate', { aggregate: 1, pipeline: [{ $currentOp: {} }] }, 'aggregate'],
  ])('keys a %s command by its collection', (commandName, command, key) => {
    expect(commandKey({ commandName, command })).toBe(key);
  });

  it('sets connection upkeep apart from operations', () => {
    expect(['hello', 'isMaster', 'ping'].every(isMonitoringCommand)).toBe(true);
    expect(['find', 'aggregate', 'getMore', 'insert'].some(isMonitoringCommand)).toBe(false);
  });

  it('subtracts, groups by name, totals and prints counts', () => {
    const grown = countsSince({ 'find sessions': 2, 'insert orders': 1 }, { 'find sessions': 3, 'find products': 2, 'insert orders': 1, 'getMore $changeStream': 1 });
    expect(grown).toEqual({ 'find sessions': 1, 'find products': 2, 'getMore $changeStream': 1 });
    expect(byCommandName(grown)).toEqual({ find: 3, 'getMore $changeStream': 1 });
    expect(totalOf(grown)).toBe(4);
    expect(formatCounts(byCommandName(grown))).toBe('find 3, getMore $changeStream 1');
    expect(formatCounts({ aggregate: 0.2 })).toBe('aggregate 0.20');
    expect(formatCounts({})).toBe('none');
  });
});
