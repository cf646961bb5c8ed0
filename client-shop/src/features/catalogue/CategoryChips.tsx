/**
 * The category chips: one row that scrolls sideways on a phone, faded at an edge only while there
 * is more beyond it (toScrollEdges), so a shopper sees the row goes on. The fade is a CSS mask
 * (styles.css, .filters--more-*); this file only keeps the classes in step with the scroll.
 */
import { useEffect, useRef, useState } from 'react';
import { toScrollEdges, type CatalogueCategory } from './catalogue.logic';

export interface CategoryChipsProps {
  readonly categories: readonly CatalogueCategory[];
  /** The chosen category's id; undefined for All. */
  readonly selected: string | undefined;
  readonly onChoose: (categoryId: string | undefined) => void;
}

export function CategoryChips({ categories, selected, onChoose }: CategoryChipsProps) {
  const row = useRef<HTMLElement>(null);
  const [edges, setEdges] = useState({ start: false, end: false });

  useEffect(() => {
    const element = row.current;
    if (!element) return;
    const measure = () => setEdges((shown) => {
      const next = toScrollEdges(element);
      return next.start === shown.start && next.end === shown.end ? shown : next;
    });
    element.addEventListener('scroll', measure, { passive: true });
    // The row's width changes with the phone's orientation; its content with the categories.
    // The observer also measures once as it starts, after the browser's own layout: measuring
    // here at once forced a layout of the whole first screen inside this effect (a phone's
    // longest task after the first paint).
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : undefined;
    if (resize) resize.observe(element);
    else measure();
    return () => {
      element.removeEventListener('scroll', measure);
      resize?.disconnect();
    };
  }, [categories]);

  const className = ['filters', edges.start ? 'filters--more-start' : '', edges.end ? 'filters--more-end' : ''].filter(Boolean).join(' ');
  return (
    <nav ref={row} className={className} aria-label="Categories">
      <button type="button" aria-pressed={selected === undefined} onClick={() => onChoose(undefined)}>All</button>
      {categories.map((category) => (
        <button key={category.id} type="button" aria-pressed={selected === category.id} onClick={() => onChoose(category.id)}>
          {category.name}
        </button>
      ))}
    </nav>
  );
}
