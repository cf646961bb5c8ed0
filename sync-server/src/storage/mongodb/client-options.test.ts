import { describe, expect, it } from 'vitest';
import { defaultTimeouts, withDefaultTimeouts } from './client-options';

describe('withDefaultTimeouts', () => {
  it('bounds every operation when the URL says nothing', () => {
    expect(withDefaultTimeouts('mongodb://db.example:27017/shop?replicaSet=rs0')).toEqual(defaultTimeouts);
  });

  it('leaves each bound the URL sets to the URL, whatever its case', () => {
    const options = withDefaultTimeouts('mongodb+srv://cluster0.example/shop?sockettimeoutms=60000&serverSelectionTimeoutMS=2000');
    expect(options).toEqual({ waitQueueTimeoutMS: defaultTimeouts.waitQueueTimeoutMS, wtimeoutMS: defaultTimeouts.wtimeoutMS });
  });

  it('keeps options given in code, and adds nothing they already name', () => {
    expect(withDefaultTimeouts('mongodb://db/shop', { socketTimeoutMS: 0, maxPoolSize: 5 })).toEqual({
      serverSelectionTimeoutMS: defaultTimeouts.serverSelectionTimeoutMS,
      waitQueueTimeoutMS: defaultTimeouts.waitQueueTimeoutMS,
      wtimeoutMS: defaultTimeouts.wtimeoutMS,
      socketTimeoutMS: 0,
      maxPoolSize: 5,
    });
  });
});
