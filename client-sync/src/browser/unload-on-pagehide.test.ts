// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { add, getSize, removeAll, runAll } from './unload-on-pagehide';

describe('unload-on-pagehide (the `unload` package, without an unload listener)', () => {
  afterEach(() => removeAll());

  it('runs its handlers when the page is really leaving, not when it goes into the back/forward cache', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const handler = vi.fn();
    add(handler);
    expect(added.mock.calls.map(([type]) => type)).toEqual(['pagehide']);
    window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: true }));
    expect(handler).not.toHaveBeenCalled();
    window.dispatchEvent(Object.assign(new Event('pagehide'), { persisted: false }));
    expect(handler).toHaveBeenCalledOnce();
    expect(getSize()).toBe(0);
  });

  it('keeps the package’s API: remove, run and runAll', async () => {
    const [a, b] = [vi.fn(() => 'a'), vi.fn(() => 'b')];
    const first = add(a);
    add(b);
    expect(first.remove()).toBe(true);
    expect(await runAll()).toEqual(['b']);
    expect(a).not.toHaveBeenCalled();
  });
});
