/**
 * Checkout's pure rules: the shipping address form checked with the shared address schema, and
 * the order a shopper places offline. The server sets the order number, prices, totals and status
 * itself; the local copy is a complete placeholder (so the strict order schema holds) that the
 * server's answer replaces. No React, no RxDB.
 */
import { addressSchema, type Address, type Order } from '@oa/schema';
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

export function checkAddress(form: AddressForm): AddressCheck {
  const trimmed = Object.fromEntries(addressFields.map((field) => [field, form[field].trim()])) as AddressForm;
  const parsed = addressSchema.safeParse({ ...trimmed, phone: trimmed.phone.replace(/[\s-]/g, '') });
  if (parsed.success) return { ok: true, address: parsed.data };
  const errors: Partial<Record<keyof AddressForm, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof AddressForm;
    if (field in messages) errors[field] = messages[field];
  }
  return { ok: false, errors };
}

/** The server's rule, mirrored for the placeholder only: free shipping from ₹499, else ₹40. */
export function toShippingFee(subtotal: number): number {
  return subtotal >= 499 ? 0 : 40;
}

export const pendingOrderPrefix = 'pending-';

/** The order as placed on the device: what the server reads (items, address, 'cod') plus a placeholder for the rest. */
export function toPlaceholderOrder(input: { id: string; userId: string; lines: readonly CartLine[]; address: Address; now: string }): Order {
  const items = input.lines.map((line) => ({
    productId: line.productId,
    product: line.productId,
    name: line.name,
    price: line.price,
    quantity: line.quantity,
  }));
  const subtotal = roundMoney(input.lines.reduce((sum, line) => sum + line.lineTotal, 0));
  const shippingFee = toShippingFee(subtotal);
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
