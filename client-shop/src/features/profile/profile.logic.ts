/**
 * The shopper's profile as pure rules: the name and phone form checked against the shared
 * schema's limits, and the saved addresses (at most 10, one of them the default) added, edited
 * and removed as plain lists. No React, no RxDB.
 */
import { personNameSchema, phoneSchema, type User } from '@oa/schema';
import type { Address } from '@oa/schema';

export type SavedAddress = User['addresses'][number];

export const maxAddresses = 10;

export interface ProfileForm {
  readonly name: string;
  readonly phone: string;
}

export type ProfileCheck =
  | { readonly ok: true; readonly name: string; readonly phone: string | undefined }
  | { readonly ok: false; readonly errors: Partial<Record<keyof ProfileForm, string>> };

export function checkProfile(form: ProfileForm): ProfileCheck {
  const name = form.name.trim();
  const phone = form.phone.replace(/[\s-]/g, '');
  const errors: Partial<Record<keyof ProfileForm, string>> = {};
  if (!personNameSchema.safeParse(name).success) errors.name = 'Enter your name (up to 100 characters)';
  if (phone !== '' && !phoneSchema.safeParse(phone).success) errors.phone = 'Enter a phone number of 10 to 15 digits, or leave it empty';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, name, phone: phone || undefined };
}

/** Adds a new address or replaces the one with the same id; the first one saved becomes the default. */
export function withAddress(addresses: readonly SavedAddress[], address: Address, id: string, label?: string): SavedAddress[] {
  const existing = addresses.find((saved) => saved.id === id);
  const saved: SavedAddress = {
    ...address,
    id,
    ...(label?.trim() ? { label: label.trim().slice(0, 40) } : {}),
    ...(existing?.isDefault || addresses.length === 0 ? { isDefault: true } : {}),
  };
  if (existing) return addresses.map((entry) => (entry.id === id ? saved : entry));
  return [...addresses, saved];
}

export const canAddAddress = (addresses: readonly SavedAddress[]): boolean => addresses.length < maxAddresses;

/** Removes an address; if it was the default, the first remaining one becomes the default. */
export function withoutAddress(addresses: readonly SavedAddress[], id: string): SavedAddress[] {
  const removed = addresses.find((saved) => saved.id === id);
  const rest = addresses.filter((saved) => saved.id !== id);
  if (!removed?.isDefault || rest.length === 0) return rest;
  return rest.map((saved, index) => (index === 0 ? { ...saved, isDefault: true } : saved));
}

export function withDefaultAddress(addresses: readonly SavedAddress[], id: string): SavedAddress[] {
  return addresses.map(({ isDefault: _was, ...saved }) => (saved.id === id ? { ...saved, isDefault: true } : saved));
}

/** The address checkout starts from: the default, else the first. */
export function toDefaultAddress(addresses: readonly SavedAddress[]): SavedAddress | undefined {
  return addresses.find((saved) => saved.isDefault) ?? addresses[0];
}

/** A saved address without its id, label and default flag: the order's shipping address. */
export function toShippingAddress({ id: _id, label: _label, isDefault: _default, ...address }: SavedAddress): Address {
  return address;
}
