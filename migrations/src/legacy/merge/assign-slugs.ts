/**
 * Unique slugs. Each item asks for a base slug; the first to ask (input order: the caller puts
 * admin products first) keeps it, later ones get "-2", "-3", … A slug already held by another
 * document outside this run (`taken`, slug → id) is never reused. Every suffix is reported, so
 * an operator sees which products were renamed and why. Pure.
 */
export interface SlugRequest {
  readonly id: string;
  readonly base: string;
}

export interface SlugClash {
  readonly id: string;
  readonly wanted: string;
  readonly slug: string;
  /** The id that holds `wanted`. */
  readonly heldBy: string;
}

export const maxSlugLength = 120;

export function assignSlugs(
  requests: readonly SlugRequest[],
  taken: ReadonlyMap<string, string> = new Map(),
): { slugs: Map<string, string>; clashes: SlugClash[] } {
  const holders = new Map(taken);
  const slugs = new Map<string, string>();
  const clashes: SlugClash[] = [];
  for (const { id, base } of requests) {
    const holder = holders.get(base);
    let slug = base;
    if (holder !== undefined && holder !== id) {
      for (let n = 2; ; n++) {
        const suffix = `-${n}`;
        slug = `${base.slice(0, maxSlugLength - suffix.length).replace(/-+$/, '')}${suffix}`;
        const owner = holders.get(slug);
        if (owner === undefined || owner === id) break;
      }
      clashes.push({ id, wanted: base, slug, heldBy: holder });
    }
    holders.set(slug, id);
    slugs.set(id, slug);
  }
  return { slugs, clashes };
}
