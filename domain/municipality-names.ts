// Finding a municipality by what a coordinator types: its number, or its name in any case,
// with or without æ, ø and å (a Norwegian name typed on an English keyboard, or in a shell
// where ø is awkward), with or without its hyphen, or the start of it. A name that fits
// several is never guessed: the candidates are returned so the coordinator can choose.

export interface NamedMunicipality {
  id: string;
  name: string;
  county?: string | null;
}

export type NameMatch =
  | { kind: 'found'; municipality: NamedMunicipality }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: NamedMunicipality[] };

/** Municipality ids are all digits (kommune-, fylkes- or organisasjonsnummer). */
export const looksLikeId = (text: string): boolean => /^\d+$/.test(text.trim());

const base = (s: string) => s.normalize('NFC').toLocaleLowerCase('nb').trim();

// From strict to loose: each level forgives more, and a stricter level that finds something
// wins, so "Ås" never becomes ambiguous with "Aas…" names when typed with its å.
const LEVELS: ((s: string) => string)[] = [
  // case only; spaces and hyphens alike ("nord odal")
  (s) => base(s).replace(/[\s-]+/g, ' '),
  // the Norwegian letters spelt the usual ASCII way, other accents dropped (Gáivuotna)
  (s) =>
    base(s)
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, ''),
  // the other spellings people use: aa for å, oe for ø, a for æ ("Barum", "Baerum", "Aasnes")
  (s) =>
    base(s)
      .replace(/aa/g, 'a')
      .replace(/oe/g, 'o')
      .replace(/æ|ae/g, 'a')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, ''),
];

function choose(found: NamedMunicipality[]): NameMatch | null {
  const unique = [...new Map(found.map((m) => [m.id, m])).values()];
  if (unique.length === 1) return { kind: 'found', municipality: unique[0] };
  if (unique.length > 1)
    return {
      kind: 'ambiguous',
      candidates: unique.sort(
        (a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id),
      ),
    };
  return null;
}

/** The municipality `text` names: by id, then the whole name, then the start of a name. */
export function matchMunicipality(text: string, all: NamedMunicipality[]): NameMatch {
  const wanted = text.trim();
  if (!wanted) return { kind: 'none' };
  const byId = all.filter((m) => m.id === wanted);
  if (byId.length) return choose(byId)!;
  for (const fold of LEVELS) {
    const key = fold(wanted);
    const hit = choose(all.filter((m) => fold(m.name) === key));
    if (hit) return hit;
  }
  for (const fold of LEVELS) {
    const key = fold(wanted);
    if (!key) continue;
    const hit = choose(all.filter((m) => fold(m.name).startsWith(key)));
    if (hit) return hit;
  }
  return { kind: 'none' };
}

/** «1515 Herøy (Møre og Romsdal)», for a list of candidates. */
export function describeCandidate(m: NamedMunicipality): string {
  return `${m.id} ${m.name}${m.county ? ` (${m.county})` : ''}`;
}
