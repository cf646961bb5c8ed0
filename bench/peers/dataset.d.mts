// Types for dataset.mjs, the peers' workload generator kept byte for byte as it was given.
export interface PeerProduct {
  id: string;
  name: string;
  slug: string;
  description: string;
  price: number;
  categoryId: string;
  stock: number;
  images: string[];
  isActive: boolean;
  tags: string[];
  updatedAt: string;
}
export const DEFAULT_SEED: number;
export const DEFAULT_COUNT: number;
export function generate(count?: number, seed?: number): PeerProduct[];
export function generatePushDocs(count?: number, seed?: number): PeerProduct[];
export function sha256(text: string): string;
