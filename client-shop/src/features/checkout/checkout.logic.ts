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
