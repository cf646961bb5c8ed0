// @vitest-environment happy-dom
/**
 * The categories page: the list in shop order, add and edit inline with messages per field,
 * deactivate, and delete refused or confirmed. React Testing Library on happy-dom.
 */
import { validateDocument, type Category } from '@oa/schema';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { books, created, now, prasadam, toCategory } from '../products/test-fixtures';
import { CategoriesPage, type CategoriesPageProps } from './CategoriesPage';

afterEach(() => cleanup());

const pooja = toCategory('cat-pooja', 'Pooja Items', { sortOrder: 2, isActive: false });
const photos = toCategory('cat-photos', 'Photo Frames', { sortOrder: 4 });
const inPrasadam = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, categoryId: 'cat-prasadam' }));

function renderPage(props: Partial<CategoriesPageProps> = {}) {
  const onSave = vi.fn(async (_category: Category) => undefined);
  const onDelete = vi.fn();
  render(
    <CategoriesPage
      categories={[photos, books, prasadam, pooja]}
      products={[...inPrasadam, { id: 'b1', categoryId: 'cat-books' }]}
      onSave={onSave}
      onDelete={onDelete}
      newId={() => 'new-category-1'}
      now={() => now}
      {...props}
    />,
  );
  return { onSave, onDelete };
}
const shownNames = () => screen.queryAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
const row = (name: string) => screen.getByRole('heading', { level: 3, name }).closest('li')!;
const input = (form: HTMLElement, label: string | RegExp) => within(form).getByLabelText(label) as HTMLInputElement;
const type = (form: HTMLElement, label: string | RegExp, value: string) => fireEvent.change(input(form, label), { target: { value } });
const problemOf = (form: HTMLElement, label: string | RegExp) => {
  const id = input(form, label).getAttribute('aria-describedby');
  return id ? document.getElementById(id)?.textContent : undefined;
};

describe('the categories page', () => {
  it('lists the categories in the shop’s order with their product counts and state', () => {
    renderPage();
    expect(shownNames()).toEqual(['Prasadam', 'Pooja Items', 'Books', 'Photo Frames']);
    expect(within(row('Prasadam')).getByText('12 products')).toBeTruthy();
    expect(within(row('Books')).getByText('1 product')).toBeTruthy();
    expect(within(row('Pooja Items')).getByText('Inactive')).toBeTruthy();
    expect(within(row('Photo Frames')).getByText('Active')).toBeTruthy();
  });

  it('adds a category after the others, its slug following the name', async () => {
    const { onSave } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Add a category' }));
    const form = screen.getByRole('form', { name: 'New category' });
    type(form, 'Name', 'Calendars & Panchangam');
    expect(input(form, /^Slug/).value).toBe('calendars-panchangam');
    expect(input(form, /^Sort order/).value).toBe('5');
    type(form, /^Description/, 'The Telugu year.');
    fireEvent.click(within(form).getByRole('button', { name: 'Add category' }));

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const saved = onSave.mock.calls[0]![0];
    expect(saved).toEqual({
      id: 'new-category-1', _deleted: false, createdAt: now, updatedAt: now,
      name: 'Calendars & Panchangam', slug: 'calendars-panchangam', description: 'The Telugu year.', sortOrder: 5, isActive: true,
    });
    expect(validateDocument('categories', saved).ok).toBe(true);
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New category' })).toBeNull());
  });

  it('shows each problem next to its field and saves nothing', () => {
    const { onSave } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Add a category' }));
    const form = screen.getByRole('form', { name: 'New category' });
    type(form, 'Name', 'Books');
    type(form, /^Sort order/, '1.5');
    fireEvent.click(within(form).getByRole('button', { name: 'Add category' }));
    expect(problemOf(form, 'Name')).toBe('Another category already has this name');
    expect(problemOf(form, /^Slug/)).toBe('Another category already uses this slug');
    expect(problemOf(form, /^Sort order/)).toBe('Sort order is a whole number from 0 to 10,000');
    expect(input(form, /^Sort order/).getAttribute('aria-invalid')).toBe('true');
    type(form, /^Slug/, 'Sacred Books');
    fireEvent.click(within(form).getByRole('button', { name: 'Add category' }));
    expect(problemOf(form, /^Slug/)).toBe('The slug is lowercase words joined by -');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('edits a category inline, keeping its slug, id and creation time', async () => {
    const { onSave } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Edit Books' }));
    const form = screen.getByRole('form', { name: 'Edit Books' });
    type(form, 'Name', 'Sacred Books');
    expect(input(form, /^Slug/).value).toBe('books');
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ ...books, name: 'Sacred Books', createdAt: created, updatedAt: now }));
  });

  it('deactivates and activates a category', () => {
    const { onSave } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate Photo Frames' }));
    expect(onSave).toHaveBeenLastCalledWith({ ...photos, isActive: false, updatedAt: now });
    fireEvent.click(screen.getByRole('button', { name: 'Activate Pooja Items' }));
    expect(onSave).toHaveBeenLastCalledWith({ ...pooja, isActive: true, updatedAt: now });
  });

  it('refuses to delete a category that products still use, saying how many', () => {
    const { onDelete } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Prasadam' }));
    expect(within(row('Prasadam')).getByRole('alert').textContent).toBe('12 products are in Prasadam: move them first');
    expect(within(row('Prasadam')).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('deletes an empty category only after the admin confirms', () => {
    const { onDelete } = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Photo Frames' }));
    expect(screen.getByText('Delete Photo Frames? Shoppers will no longer see it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Keep' }));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Photo Frames' }));
    fireEvent.click(within(row('Photo Frames')).getByRole('button', { name: 'Delete' }));
    expect(onDelete).toHaveBeenCalledExactlyOnceWith('cat-photos');
  });

  it('says when the categories are still loading, and when there are none', () => {
    renderPage({ categories: undefined });
    expect(screen.getByText('Loading categories…')).toBeTruthy();
    cleanup();
    renderPage({ categories: [] });
    expect(screen.getByText('No categories yet: add the first one.')).toBeTruthy();
  });
});
