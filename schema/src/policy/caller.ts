/** Who is asking: taken from a verified token by the server, never from a request body. */
export type Caller =
  | { readonly role: 'anonymous' }
  | { readonly role: 'customer'; readonly id: string }
  | { readonly role: 'admin'; readonly id: string };

export const anonymousCaller: Caller = { role: 'anonymous' };
