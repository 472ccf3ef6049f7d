// How the CLI speaks: tables for people, JSON for scripts, colour only on a terminal,
// progress on stderr so stdout stays clean for pipes.
import pc from 'picocolors';
import { osloWallClock } from '../domain/time';

const useColour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
export const colour = pc.createColors(useColour);

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function line(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function heading(text: string): void {
  line(colour.bold(text));
}

/** A plain aligned table; cells may contain colour codes. */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): void {
  // eslint-disable-next-line no-control-regex -- colour codes are control characters
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '–' : String(c))));
  const widths = headers.map((h, i) =>
    Math.max(visible(h).length, ...cells.map((r) => visible(r[i] ?? '').length)),
  );
  const pad = (s: string, i: number) => s + ' '.repeat(Math.max(0, widths[i] - visible(s).length));
  line(colour.dim(headers.map(pad).join('  ')));
  for (const r of cells) line(r.map(pad).join('  ').trimEnd());
  if (rows.length === 0) line(colour.dim('(none)'));
}

/** `2013-05-21 14:03` in Oslo time, or a dash. */
export function when(instant: string | null | undefined): string {
  if (!instant) return '–';
  const { date, time } = osloWallClock(instant);
  return `${date} ${time}`;
}

export function progress(label: string): {
  update(done: number, total: number): void;
  done(): void;
} {
  const tty = Boolean(process.stderr.isTTY);
  let last = -1;
  return {
    update(done, total) {
      if (!tty) return;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      const pct = Math.floor((done / Math.max(total, 1)) * 100);
      if (pct === last && done !== total) return;
      last = pct;
      process.stderr.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

const STAGE_COLOURS: Record<string, (s: string) => string> = {
  registered: colour.green,
  assigned: colour.green,
  completed: colour.green,
  incomplete: colour.yellow,
  waiting_list: colour.yellow,
  declined: colour.dim,
  no_response: colour.dim,
  cancelled: colour.red,
};
export const stage = (s: string | null) => (s ? (STAGE_COLOURS[s] ?? ((x: string) => x))(s) : '–');
