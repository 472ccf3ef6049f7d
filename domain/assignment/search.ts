// Groups the municipalities that are free to move (no preference, or a preference that could
// not be granted) so that each network can meet where travel is easiest for its participants.
//
// Cost, compared lexicographically: first the participants missing below each network's minimum
// (a network too small to run is worse than a long journey), then the total participant-weighted
// door-to-door travel hours (travel.ts) to each network's venue, where a network's venue is the candidate minimising that sum (a
// 1-median), or its fixed venue.
//
// Heuristic: multi-start local search. Each start gives the networks a different set of
// candidate venues (every set of distinct candidates when that is at most MAX_SEATINGS greedy
// seatings, otherwise a spread-out set from each candidate), matched to the networks in the order
// whose greedy seating travels least: each free municipality, in registration order, at the
// nearest network with room. From there it repeatedly applies the single best improving move (one
// municipality to another network) or swap (two municipalities exchange networks), re-choosing
// venues as it goes, until none improves. The best result over all starts wins; ties keep the
// earlier start. Everything is iterated in a fixed order, so the result is deterministic.

export interface SearchNetwork {
  min: number;
  max: number;
  /** Site index of a venue that is settled, or null to choose among the candidates. */
  fixedSite: number | null;
}

export interface SearchProblem {
  participants: readonly number[];
  /** Door-to-door hours from item i to site s (`travel.ts`); the candidates come first (`candidateCount`), then fixed venues. */
  hours: readonly (readonly number[])[];
  candidateCount: number;
  /** Hours between candidate sites, to spread starting venues when there are many. */
  siteHours: readonly (readonly number[])[];
  networks: readonly SearchNetwork[];
  /** Network an item must stay in (its preference was granted), or null. */
  pinned: readonly (number | null)[];
  /** A feasible assignment of every item, respecting pins: the fallback start. */
  feasible: readonly number[];
}

/** Greedy seatings tried to choose starts; 3 networks and 10 candidates take 120 sets × 6 orders. */
const MAX_SEATINGS = 5000;
// Hours; far above float drift in the running sums, far below any real difference in travel.
const EPSILON = 1e-6;

interface Cost {
  shortfall: number;
  travel: number;
}

const better = (a: Cost, b: Cost) =>
  a.shortfall < b.shortfall || (a.shortfall === b.shortfall && a.travel < b.travel - EPSILON);

/** The network index of every item. */
export function assignByGeography(problem: SearchProblem): number[] {
  let best: { assignment: number[]; cost: Cost } | null = null;
  for (const start of startingVenues(problem)) {
    const search = new LocalSearch(problem, initialAssignment(problem, start));
    search.improve();
    const cost = search.cost();
    if (!best || better(cost, best.cost)) best = { assignment: search.assignment, cost };
  }
  return best ? best.assignment : [...problem.feasible];
}

/** A site per network for each start (-1: no candidate to choose from). */
function startingVenues(problem: SearchProblem): number[][] {
  const open = problem.networks.flatMap((n, k) => (n.fixedSite === null ? [k] : []));
  const sites = Array.from({ length: problem.candidateCount }, (_, s) => s);
  const withFixed = (choice: number[]) => {
    let next = 0;
    return problem.networks.map((n) => n.fixedSite ?? choice[next++] ?? -1);
  };
  if (open.length === 0 || sites.length === 0) return [withFixed([])];
  const sets = combinationCount(sites.length, open.length);
  if (open.length <= sites.length && sets * factorial(open.length) <= MAX_SEATINGS) {
    // Every set of distinct venues, each matched to the networks the way that seats the
    // municipalities (pinned ones included) with the least travel.
    return combinations(sites, open.length).map((set) => {
      let best: { venues: number[]; cost: number } | null = null;
      for (const order of permutations(set)) {
        const venues = withFixed(order);
        const cost = seatedHours(problem, venues, initialAssignment(problem, venues));
        if (!best || cost < best.cost - EPSILON) best = { venues, cost };
      }
      return best?.venues ?? withFixed(set);
    });
  }
  // Too many to try: from each candidate, add the candidate farthest from those chosen.
  return sites.map((first) => {
    const chosen = [first];
    while (chosen.length < open.length) {
      const spread = (s: number) => Math.min(...chosen.map((c) => problem.siteHours[s][c]));
      const unused = sites.filter((s) => !chosen.includes(s));
      const pool = unused.length > 0 ? unused : sites;
      chosen.push(pool.reduce((a, b) => (spread(b) > spread(a) ? b : a)));
    }
    return withFixed(chosen);
  });
}

function seatedHours(problem: SearchProblem, venues: number[], assignment: number[]): number {
  return assignment.reduce(
    (cost, network, item) =>
      cost +
      (venues[network] < 0 ? 0 : problem.participants[item] * problem.hours[item][venues[network]]),
    0,
  );
}

function combinationCount(n: number, k: number): number {
  let count = 1;
  for (let i = 0; i < k; i++) count = (count * (n - i)) / (i + 1);
  return count;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

function combinations(items: number[], size: number): number[][] {
  if (size === 0) return [[]];
  return items.flatMap((first, i) =>
    combinations(items.slice(i + 1), size - 1).map((rest) => [first, ...rest]),
  );
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((first) =>
    permutations(items.filter((item) => item !== first)).map((rest) => [first, ...rest]),
  );
}

function initialAssignment(problem: SearchProblem, venues: number[]): number[] {
  const { participants, hours, networks, pinned } = problem;
  const load = networks.map(() => 0);
  const assignment = pinned.map((network, item) => {
    if (network !== null) load[network] += participants[item];
    return network ?? -1;
  });
  const cost = (item: number, network: number) =>
    venues[network] < 0 ? 0 : hours[item][venues[network]];
  for (let item = 0; item < assignment.length; item++) {
    if (assignment[item] >= 0) continue;
    let chosen = -1;
    for (let network = 0; network < networks.length; network++) {
      if (load[network] + participants[item] > networks[network].max) continue;
      if (chosen < 0 || cost(item, network) < cost(item, chosen)) chosen = network;
    }
    // Seated greedily the last groups may not fit; the packing found earlier always does.
    if (chosen < 0) return [...problem.feasible];
    assignment[item] = chosen;
    load[chosen] += participants[item];
  }
  return assignment;
}

class LocalSearch {
  readonly assignment: number[];
  private readonly load: number[];
  /** sums[k][s]: participant-weighted hours from network k's members to site s. */
  private readonly sums: number[][];
  private readonly free: number[];

  constructor(
    private readonly problem: SearchProblem,
    assignment: number[],
  ) {
    this.assignment = [...assignment];
    const siteCount = problem.hours[0]?.length ?? 0;
    this.load = problem.networks.map(() => 0);
    this.sums = problem.networks.map(() => new Array<number>(siteCount).fill(0));
    this.assignment.forEach((network, item) => this.add(item, network, 1));
    this.free = problem.pinned.flatMap((network, item) => (network === null ? [item] : []));
  }

  private add(item: number, network: number, sign: 1 | -1) {
    const p = this.problem.participants[item];
    this.load[network] += sign * p;
    const row = this.sums[network];
    const hours = this.problem.hours[item];
    for (let s = 0; s < row.length; s++) row[s] += sign * p * hours[s];
  }

  /** Travel of network k if `out` leaves and `into` joins it (-1: nobody). Hot loop: no closures. */
  private travel(network: number, out = -1, into = -1): number {
    const { participants, hours, networks, candidateCount } = this.problem;
    const row = this.sums[network];
    const outHours = out >= 0 ? hours[out] : null;
    const inHours = into >= 0 ? hours[into] : null;
    const pOut = out >= 0 ? participants[out] : 0;
    const pIn = into >= 0 ? participants[into] : 0;
    const fixed = networks[network].fixedSite;
    const first = fixed ?? 0;
    const last = fixed !== null ? fixed + 1 : candidateCount;
    let best = last > first ? Infinity : 0;
    for (let s = first; s < last; s++) {
      let hours = row[s];
      if (outHours) hours -= pOut * outHours[s];
      if (inHours) hours += pIn * inHours[s];
      if (hours < best) best = hours;
    }
    return best;
  }

  private shortfall(network: number, load = this.load[network]): number {
    return Math.max(0, this.problem.networks[network].min - load);
  }

  cost(): Cost {
    let [shortfall, travel] = [0, 0];
    for (let k = 0; k < this.problem.networks.length; k++) {
      shortfall += this.shortfall(k);
      travel += this.travel(k);
    }
    return { shortfall, travel };
  }

  improve(): void {
    for (;;) {
      const step = this.bestStep();
      if (!step) return;
      for (const [item, to] of step.moves) {
        this.add(item, this.assignment[item], -1);
        this.add(item, to, 1);
        this.assignment[item] = to;
      }
    }
  }

  /** The most improving move or swap, as (item, new network) pairs; null at a local optimum. */
  private bestStep(): { moves: [number, number][] } | null {
    const { participants, networks } = this.problem;
    const current = networks.map((_, k) => ({
      shortfall: this.shortfall(k),
      travel: this.travel(k),
    }));
    let best: { delta: Cost; moves: [number, number][] } | null = null;
    const consider = (delta: Cost, moves: [number, number][]) => {
      if (better(delta, best?.delta ?? { shortfall: 0, travel: 0 })) best = { delta, moves };
    };

    for (const item of this.free) {
      const from = this.assignment[item];
      const p = participants[item];
      for (let to = 0; to < networks.length; to++) {
        if (to === from || this.load[to] + p > networks[to].max) continue;
        consider(
          {
            shortfall:
              this.shortfall(from, this.load[from] - p) +
              this.shortfall(to, this.load[to] + p) -
              current[from].shortfall -
              current[to].shortfall,
            travel:
              this.travel(from, item) +
              this.travel(to, -1, item) -
              current[from].travel -
              current[to].travel,
          },
          [[item, to]],
        );
      }
    }

    for (let x = 0; x < this.free.length; x++) {
      for (let y = x + 1; y < this.free.length; y++) {
        const [a, b] = [this.free[x], this.free[y]];
        const [ka, kb] = [this.assignment[a], this.assignment[b]];
        if (ka === kb) continue;
        const change = participants[b] - participants[a];
        if (this.load[ka] + change > networks[ka].max) continue;
        if (this.load[kb] - change > networks[kb].max) continue;
        consider(
          {
            shortfall:
              this.shortfall(ka, this.load[ka] + change) +
              this.shortfall(kb, this.load[kb] - change) -
              current[ka].shortfall -
              current[kb].shortfall,
            travel:
              this.travel(ka, a, b) +
              this.travel(kb, b, a) -
              current[ka].travel -
              current[kb].travel,
          },
          [
            [a, kb],
            [b, ka],
          ],
        );
      }
    }
    return best;
  }
}
