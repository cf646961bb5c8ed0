// @vitest-environment happy-dom
/**
 * The product editor: the slug following the name, each problem next to its field, and the
 * complete document onSave receives. React Testing Library on happy-dom.
 */
import { validateDocument, type Product } from '@oa/schema';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProductEditor, type ProductEditorProps } from './ProductEditor';
import { books, created, now, prasadam, toCategory, toProduct } from './test-fixtures';

afterEach(() => cleanup());

const laddu = toProduct('p1', 'Laddu', { price: 60, stock: 120, unit: '250 g', tags: ['sweet'], ratingAverage: 4.5, ratingCount: 3 });
const inactive = toCategory('cat-old', 'Old Stock', { isActive: false, sortOrder: 9 });

function renderEditor(props: Partial<ProductEditorProps> = {}) {
  const onSave = vi.fn(async (_product: Product) => undefined);
  const onCancel = vi.fn();
  render(
    <ProductEditor
      product={undefined}
      products={[laddu]}
      categories={[books, prasadam, inactive]}
      onSave={onSave}
      onCancel={onCancel}
      newId={() => 'new-1'}
      now={() => now}
      {...props}
    />,
  );
  return { onSave, onCancel };
}
const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string | RegExp, value: string) => fireEvent.change(input(label), { target: { value } });
const problemOf = (label: string | RegExp) => {
  const field = input(label);
  const id = field.getAttribute('aria-describedby');
  return { invalid: field.getAttribute('aria-invalid'), text: id ? document.getElementById(id)?.textContent : undefined };
};

describe('creating a product', () => {
  it('makes the slug from the name until the admin types a slug, and again once it is cleared', () => {
    renderEditor();
    type('Name', 'Pulihora Mix');
    expect(input(/^Slug/).value).toBe('pulihora-mix');
    type(/^Slug/, 'pulihora');
    type('Name', 'Pulihora Mix, Spicy');
    expect(input(/^Slug/).value).toBe('pulihora');
    type(/^Slug/, '');
    type('Name', 'Crème Mix');
    expect(input(/^Slug/).value).toBe('creme-mix');
  });

  it('shows every problem next to its field and saves nothing', () => {
    const { onSave } = renderEditor();
    type('Name', 'Laddu');
    type('Price (₹)', '60.999');
    type('MRP (₹, optional)', '50');
    type('Stock', '-2');
    type(/^Image URLs/, 'javascript:alert(1)');
    fireEvent.click(screen.getByRole('button', { name: 'Create product' }));

    expect(problemOf('Price (₹)')).toEqual({ invalid: 'true', text: 'Enter a price in rupees, like 60 or 99.50' });
    expect(problemOf('Stock')).toEqual({ invalid: 'true', text: 'Stock is a whole number from 0' });
    expect(problemOf(/^Slug/)).toEqual({ invalid: 'true', text: 'Another product already uses this slug' });
    expect(problemOf('Category')).toEqual({ invalid: 'true', text: 'Choose a category' });
    expect(problemOf(/^Image URLs/)).toEqual({ invalid: 'true', text: 'An image URL starts with http://, https:// or /' });
    expect(problemOf('Name')).toEqual({ invalid: null, text: undefined });
    expect(screen.getByRole('alert').textContent).toBe('Fix the 5 fields marked below.');
    expect(onSave).not.toHaveBeenCalled();

    type('Price (₹)', '60');
    fireEvent.click(screen.getByRole('button', { name: 'Create product' }));
    expect(problemOf('MRP (₹, optional)').text).toBe('MRP must be at least the price');
  });

  it('saves a complete new document with both names of each legacy pair', async () => {
    const { onSave } = renderEditor();
    type('Name', 'Pulihora Mix');
    type('Description', 'Tamarind rice mix.');
    type('Price (₹)', '90');
    type('MRP (₹, optional)', '99.50');
    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'cat-prasadam' } });
    type('Stock', '60');
    type(/^Unit/, '200 g');
    type(/^Tags/, 'savoury, rice');
    type(/^Image URLs/, '/images/pulihora.jpg\nhttps://cdn.example.com/pulihora-2.jpg');
    fireEvent.click(screen.getByRole('button', { name: 'Create product' }));

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const saved = onSave.mock.calls[0]![0];
    expect(saved).toEqual({
      id: 'new-1',
      _deleted: false,
      createdAt: now,
      updatedAt: now,
      name: 'Pulihora Mix',
      slug: 'pulihora-mix',
      description: 'Tamarind rice mix.',
      price: 90,
      mrp: 99.5,
      categoryId: 'cat-prasadam',
      category: 'Prasadam',
      images: ['/images/pulihora.jpg', 'https://cdn.example.com/pulihora-2.jpg'],
      imageUrl: '/images/pulihora.jpg',
      stock: 60,
      totalStock: 60,
      unit: '200 g',
      tags: ['savoury', 'rice'],
      isActive: true,
      ratingAverage: 0,
      ratingCount: 0,
    });
    expect(validateDocument('products', saved).ok).toBe(true);
  });

  it('lists categories in their sort order, marking inactive ones', () => {
    renderEditor();
    const options = [...(screen.getByLabelText('Category') as HTMLSelectElement).options].map((option) => option.textContent);
    expect(options).toEqual(['Choose…', 'Prasadam', 'Books', 'Old Stock (inactive)']);
  });

  it('says why the save failed when the write is refused', async () => {
    renderEditor({ product: laddu, onSave: async () => Promise.reject(new Error('the local database is closed')) });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('The product was not saved: the local database is closed')).toBeTruthy();
  });
});

describe('editing a product', () => {
  it('starts from the stored values and keeps the slug when the name changes', () => {
    renderEditor({ product: laddu });
    expect(screen.getByRole('heading', { name: 'Edit Laddu' })).toBeTruthy();
    expect(input('Price (₹)').value).toBe('60');
    expect((screen.getByLabelText('Category') as HTMLSelectElement).value).toBe('cat-prasadam');
    type('Name', 'Godhuma Laddu');
    expect(input(/^Slug/).value).toBe('laddu');
  });

  it("saves the change with the product's id, creation time and ratings, and a new updatedAt", async () => {
    const { onSave } = renderEditor({ product: laddu });
    type('Stock', '7');
    fireEvent.click(screen.getByLabelText(/^Active/));
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({ ...laddu, stock: 7, totalStock: 7, isActive: false, updatedAt: now, createdAt: created });
  });

  it('says when the product’s category was deleted', () => {
    const { onSave } = renderEditor({ product: { ...laddu, categoryId: 'cat-gone', category: 'Calendars' } });
    expect((screen.getByLabelText('Category') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Calendars (deleted)');
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(problemOf('Category').text).toBe('That category no longer exists');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('cancels without saving', () => {
    const { onSave, onCancel } = renderEditor({ product: laddu });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe('photos from the camera or gallery', () => {
  const photoUrl = `http://localhost:4000/photos/${'c3'.repeat(32)}.webp`;
  function photos() {
    return { add: vi.fn(async (_file: File) => photoUrl), discard: vi.fn(async (_url: string) => undefined) };
  }
  const choosePhoto = () =>
    fireEvent.change(screen.getByLabelText('Add photo'), { target: { files: [new File([new Uint8Array([1, 2, 3])], 'IMG_0001.jpg', { type: 'image/jpeg' })] } });

  it('adds a chosen photo as the product’s main picture, shows it, and saves it with the product', async () => {
    const store = photos();
    const { onSave } = renderEditor({ product: { ...laddu, images: [] }, photos: store });
    expect(screen.getByText('No photos yet.')).toBeTruthy();
    choosePhoto();
    await waitFor(() => expect(screen.getByRole('img', { name: 'Main photo' })).toBeTruthy());
    expect(store.add).toHaveBeenCalledTimes(1);
    expect(input(/^Image URLs/).value).toBe(photoUrl);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({ images: [photoUrl], imageUrl: photoUrl });
    expect(store.discard).not.toHaveBeenCalled();
  });

  it('forgets a photo taken in the editor when the admin cancels, and one removed before saving', async () => {
    const store = photos();
    const { onCancel } = renderEditor({ product: laddu, photos: store });
    choosePhoto();
    await waitFor(() => expect(screen.getByRole('img', { name: 'Photo 2' }).getAttribute('src')).toMatch(/^blob:/));
    expect(screen.getByRole('img', { name: 'Main photo' }).getAttribute('src')).toBe(laddu.images[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove photo 2' }));
    expect(screen.queryByRole('img', { name: 'Photo 2' })).toBeNull();
    expect(input(/^Image URLs/).value).toBe(laddu.images[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(store.discard).toHaveBeenCalledWith(photoUrl);
  });

  it('says why a photo could not be used and keeps the form as it was', async () => {
    const store = { add: vi.fn(async () => Promise.reject(new Error('That file is not a picture this browser can open.'))), discard: vi.fn(async () => undefined) };
    renderEditor({ product: laddu, photos: store });
    choosePhoto();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That file is not a picture this browser can open.'));
    expect(input(/^Image URLs/).value).toBe(laddu.images.join('\n'));
  });
});
