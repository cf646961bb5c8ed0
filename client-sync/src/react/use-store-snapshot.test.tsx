// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { BehaviorSubject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { useObservable } from './use-observable';
import { useStoreSnapshot, type SnapshotStore } from './use-store-snapshot';

afterEach(cleanup);

function createStore<T>(value: T): SnapshotStore<T> & { set(next: T): void } {
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => value,
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    set(next) {
      value = next;
      listeners.forEach((listener) => listener());
    },
  };
}

function Shown({ store }: { store: SnapshotStore<string> }) {
  return <p data-testid="shown">{useStoreSnapshot(store)}</p>;
}

describe('reading a store in transitions', () => {
  it('shows the store as it is, then each change', async () => {
    const store = createStore('first');
    render(<Shown store={store} />);
    expect(screen.getByTestId('shown').textContent).toBe('first');
    await act(async () => store.set('second'));
    expect(screen.getByTestId('shown').textContent).toBe('second');
  });

  it('does not miss a change made between the first render and its subscription', async () => {
    const store = createStore('before');
    // A sibling's effect runs before Shown subscribes (effects run child first, in order).
    function ChangeOnMount() {
      useEffect(() => store.set('changed before subscribing'), []);
      return null;
    }
    await act(async () => {
      render(
        <>
          <ChangeOnMount />
          <Shown store={store} />
        </>,
      );
    });
    expect(screen.getByTestId('shown').textContent).toBe('changed before subscribing');
  });
});

describe('reading an observable in transitions', () => {
  function Value({ source }: { source: BehaviorSubject<string> | undefined }) {
    return <p data-testid="value">{useObservable(source, 'initial')}</p>;
  }

  it('shows a value the source gives at once, and its next ones', async () => {
    const source = new BehaviorSubject('at once');
    await act(async () => {
      render(<Value source={source} />);
    });
    expect(screen.getByTestId('value').textContent).toBe('at once');
    await act(async () => source.next('later'));
    expect(screen.getByTestId('value').textContent).toBe('later');
  });

  it('goes back to the initial value when the source goes away', async () => {
    const source = new BehaviorSubject('from the source');
    const { rerender } = render(<Value source={source} />);
    await act(async () => undefined);
    expect(screen.getByTestId('value').textContent).toBe('from the source');
    await act(async () => rerender(<Value source={undefined} />));
    expect(screen.getByTestId('value').textContent).toBe('initial');
  });
});
