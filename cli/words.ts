// Small pieces of English the CLI says often, kept pure so they are tested once: counts
// with the right plural, and instants in the coordinator's own time (Oslo), never UTC.
import { osloTimeText } from '../domain/time';

/** «1 municipality», «4 municipalities»; `plural` when adding an s is wrong. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** «2013-05-21 23:59 (Oslo time)»: what the coordinator's clock on the wall says. */
export const osloTime = osloTimeText;
