/**
 * Checkout's pure rules: the shipping address form checked with the shared address schema, and
 * the order a shopper places offline. The server sets the order number, prices, totals and status
 * itself; the local copy is a complete placeholder (so the strict order schema holds), its
 * delivery fee by the shop's rule as last heard, that the server's answer replaces. No React, no RxDB.
 */
import { addressSchema, deliveryFeeFor, type Address, type DeliveryRule, type Order } from '@oa/schema';
import { roundMoney, type CartLine } from '../cart/cart.logic';

export const addressFields = ['name', 'phone', 'line1', 'city', 'state', 'pincode'] as const;
export type AddressForm = Record<(typeof addressFields)[number], string>;
export const emptyAddressForm: AddressForm = { name: '', phone: '', line1: '', city: '', state: '', pincode: '' };

export type AddressCheck =
  | { readonly ok: true; readonly address: Address }
  | { readonly ok: false; readonly errors: Partial<Record<keyof AddressForm, string>> };

const messages: Record<keyof AddressForm, string> = {
  name: 'Enter the name of the person receiving the order',
  phone: 'Enter a phone number of 10 to 15 digits',
  line1: 'Enter the house and street',
  city: 'Enter the city',
  state: 'Enter the state',
  pincode: 'Enter the 6-digit PIN code',
};

/** A saved or earlier address back in the form's fields (for editing or checking out with it). */
export function toAddressForm(address: Address): AddressForm {
  return { name: address.name, phone: address.phone, line1: address.line1, city: address.city, state: address.state, pincode: address.pincode };
}

/** One line for a radio button: "Asha, 1 Temple Road, Annavaram 533406". */
export function toAddressSummary(address: Address): string {
  return `${address.name}, ${address.line1}, ${address.city} ${address.pincode}`;
}

/**
 * Separators people type inside numbers ("98480 22338", "(0884) 123-4567", "533 406", "533-406"):
 * any whitespace (also the no-break space a phone's keyboard or a pasted number brings), hyphens
 * and dashes, dots, slashes and brackets. Taken out before checking; digits are never changed.
 */
const numberSeparators = /[\s\u200b.\-\u2010-\u2015\/()]/g;

/** A phone number as stored: its digits, with a leading + kept (the schema allows one). */
export function toPhoneNumber(value: string): string {
  return value.trim().replace(numberSeparators, '');
}

/** A PIN code as stored: its six digits, whatever separators were typed between them. */
export function toPinCode(value: string): string {
  return value.trim().replace(numberSeparators, '');
}

export function checkAddress(form: AddressForm): AddressCheck {
  const trimmed = Object.fromEntries(addressFields.map((field) => [field, form[field].trim()])) as AddressForm;
  const parsed = addressSchema.safeParse({ ...trimmed, phone: toPhoneNumber(trimmed.phone), pincode: toPinCode(trimmed.pincode) });
  if (parsed.success) return { ok: true, address: parsed.data };
  const errors: Partial<Record<keyof AddressForm, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof AddressForm;
    if (field in messages) errors[field] = messages[field];
  }
  return { ok: false, errors };
}

/** The field to take the shopper to after a refused submit: the first one with a problem, in the form's order. */
export function toFirstInvalidField(errors: Partial<Record<keyof AddressForm, string>>): keyof AddressForm | undefined {
  return addressFields.find((field) => errors[field] !== undefined);
}

/**
 * The new-address form started from what the profile knows (the name given at sign-up, the phone
 * if saved): only empty fields are filled, so nothing the shopper typed is ever overwritten.
 */
export function withProfilePrefill(form: AddressForm, profile: { readonly name?: string | undefined; readonly phone?: string | undefined }): AddressForm {
  const name = form.name === '' && profile.name ? profile.name : form.name;
  const phone = form.phone === '' && profile.phone ? profile.phone : form.phone;
  return name === form.name && phone === form.phone ? form : { ...form, name, phone };
}

export const pendingOrderPrefix = 'pending-';

/**
 * The order as placed on the device: what the server reads (items, address, 'cod') plus a
 * placeholder for the rest, its delivery fee by `delivery` (the rule the shop last heard of).
 */
export function toPlaceholderOrder(input: { id: string; userId: string; lines: readonly CartLine[]; address: Address; delivery: DeliveryRule; now: string }): Order {
  const items = input.lines.map((line) => ({
    productId: line.productId,
    product: line.productId,
    name: line.name,
    price: line.price,
    quantity: line.quantity,
  }));
  const subtotal = roundMoney(input.lines.reduce((sum, line) => sum + line.lineTotal, 0));
  const shippingFee = deliveryFeeFor(subtotal, input.delivery);
  return {
    id: input.id,
    _deleted: false,
    createdAt: input.now,
    updatedAt: input.now,
    orderId: `${pendingOrderPrefix}${input.id.slice(0, 8)}`,
    userId: input.userId,
    user: input.userId,
    items,
    products: items,
    subtotal,
    shippingFee,
    total: roundMoney(subtotal + shippingFee),
    status: 'pending',
    paymentMethod: 'cod',
    paymentStatus: 'pending',
    shippingAddress: input.address,
    statusHistory: [{ status: 'pending', at: input.now, by: 'customer' }],
  };
}
