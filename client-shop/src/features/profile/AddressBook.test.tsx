// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../testing/render';
import { AddressBook } from './AddressBook';
import type { SavedAddress } from './profile.logic';

const home: SavedAddress = { id: 'a1', label: 'Home', isDefault: true, name: 'Sita', phone: '9848022338', line1: '1 Temple Road', city: 'Annavaram', state: 'Andhra Pradesh', pincode: '533406' };

describe('the address book', () => {
  it('adds an address, checked field by field', async () => {
    const onChange = vi.fn(async () => undefined);
    render(<AddressBook addresses={[home]} onChange={onChange} newId={() => 'a2'} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add an address' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    expect(screen.getByText('Enter the house and street')).toBeTruthy();
    for (const [label, value] of [['Full name', 'Ravi'], ['Phone', '9848022338'], ['House and street', '4 Hill Road'], ['City', 'Kakinada'], ['State', 'Andhra Pradesh'], ['PIN code', '533001']]) {
      fireEvent.change(screen.getByLabelText(label!), { target: { value } });
    }
    fireEvent.click(screen.getByRole('button', { name: 'Save address' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith([home, expect.objectContaining({ id: 'a2', line1: '4 Hill Road' })]));
  });

  it('removes an address and makes another the default', () => {
    const onChange = vi.fn(async () => undefined);
    const office = { ...home, id: 'a2', label: 'Office', isDefault: undefined };
    render(<AddressBook addresses={[home, office]} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: 'Make default' }));
    expect(onChange).toHaveBeenLastCalledWith([expect.not.objectContaining({ isDefault: true }), expect.objectContaining({ id: 'a2', isDefault: true })]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[0]!);
    expect(onChange).toHaveBeenLastCalledWith([expect.objectContaining({ id: 'a2', isDefault: true })]);
  });
});
