// Measuring: each benchmark times the project's code and a baseline in the same run, on
// the same machine and input, and reports the ratio. Ratios travel between machines;
// absolute times do not, so no test ever asserts one.

export interface Timing {
  /** Median of the runs, in ms. */
  medianMs: number;
  runs: number;
}

export async function time(fn: () => unknown | Promise<unknown>, runs = 7): Promise<Timing> {
  await fn(); // warm-up: JIT, caches, connections
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)], runs };
}

/** Heap growth while holding what `build` returns (forces GC when exposed). */
export function heapOf<T>(build: () => T): { bytes: number; value: T } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  // Buffers live outside the JavaScript heap: count both, or raw mail would weigh nothing.
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const value = build();
  gc?.();
  return { bytes: Math.max(0, used() - before), value };
}

/** heapOf for what is built asynchronously (replies read through the MIME library). */
export async function heapOfAsync<T>(
  build: () => Promise<T>,
): Promise<{ bytes: number; value: T }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const value = await build();
  gc?.();
  return { bytes: Math.max(0, used() - before), value };
}

export interface Row {
  benchmark: string;
  ours: string;
  baseline: string;
  ratio: number;
  note: string;
}

export const ms = (t: Timing) => `${t.medianMs.toFixed(2)} ms`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function printRows(rows: Row[]): void {
  const head = ['benchmark', 'ours', 'baseline', 'ratio', 'what the ratio says'];
  const cells = rows.map((r) => [
    r.benchmark,
    r.ours,
    r.baseline,
    `${r.ratio.toFixed(2)}×`,
    r.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const fmt = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(fmt(c));
}
