// Can these municipalities (each with its participants, never split) all fit in the networks?
// That is bin packing: with three networks of 30 and groups of 2–3 it almost always comes down to
// the totals, but the last few seats can be fragmented (two networks with 1 seat each do not
// hold a group of 2), and first come, first served must not admit a group that cannot be seated.

/** Search nodes before giving up; far above what three networks of 30 ever need. */
const NODE_BUDGET = 200_000;

/**
 * A network index per item such that no network exceeds its capacity, or null if there is
 * none. Exact depth-first search, largest groups first, skipping networks with equal room
 * (symmetric) and remembering dead ends. Over the node budget it answers null: callers then
 * treat the group as not fitting, which errs toward the waiting list, never over capacity.
 */
export function packItems(
  sizes: readonly number[],
  capacities: readonly number[],
): number[] | null {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const room = capacities.reduce((sum, capacity) => sum + Math.max(0, capacity), 0);
  if (total > room) return null;
  if (sizes.some((size) => !capacities.some((capacity) => capacity >= size))) return null;

  const order = sizes.map((_, index) => index).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const remaining = capacities.map((capacity) => Math.max(0, capacity));
  const placed = new Array<number>(sizes.length).fill(-1);
  const deadEnds = new Set<string>();
  let nodes = 0;

  const place = (position: number): boolean => {
    if (position === order.length) return true;
    if (++nodes > NODE_BUDGET) return false;
    const key = `${position}|${[...remaining].sort((a, b) => a - b).join(',')}`;
    if (deadEnds.has(key)) return false;
    const item = order[position];
    const tried = new Set<number>();
    for (let network = 0; network < remaining.length; network++) {
      const free = remaining[network];
      if (free < sizes[item] || tried.has(free)) continue;
      tried.add(free);
      remaining[network] -= sizes[item];
      placed[item] = network;
      if (place(position + 1)) return true;
      remaining[network] += sizes[item];
    }
    deadEnds.add(key);
    return false;
  };

  return place(0) ? placed : null;
}
