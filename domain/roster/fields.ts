// One reader per roster column. Each returns the value or a message that completes
// `field: …`; the roster parser collects the messages.

import type { LanguageForm, OrganisationType } from '../types';
import { emailDomain, isEmailAddress, isMailDomain } from './email';

export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const problem = <T>(message: string): FieldResult<T> => ({ ok: false, message });

const TYPES: Record<string, OrganisationType> = {
  kommune: 'kommune',
  fylkeskommune: 'fylkeskommune',
  'kommunalt foretak': 'kommunalt foretak',
  kommunalt_foretak: 'kommunalt foretak',
};

export function readType(text: string): FieldResult<OrganisationType> {
  const type = TYPES[text.trim().toLowerCase().replace(/\s+/g, ' ')];
  return type
    ? ok(type)
    : problem(`unknown type ${JSON.stringify(text)} (kommune, fylkeskommune or kommunalt foretak)`);
}

// Spreadsheets and registers spell målform many ways; the codes nb/nn are Språkrådet's.
const LANGUAGE_FORMS: Record<string, LanguageForm> = {
  bokmål: 'bokmål',
  bokmal: 'bokmål',
  nb: 'bokmål',
  nynorsk: 'nynorsk',
  nn: 'nynorsk',
  nøytral: 'nøytral',
  noytral: 'nøytral',
  nøytralt: 'nøytral',
};

export function readLanguageForm(text: string): FieldResult<LanguageForm> {
  const form = LANGUAGE_FORMS[text.trim().toLowerCase()];
  return form
    ? ok(form)
    : problem(`unknown language form ${JSON.stringify(text)} (bokmål, nynorsk or nøytral)`);
}

const ID_DIGITS: Record<OrganisationType, { digits: number; name: string }> = {
  kommune: { digits: 4, name: 'kommunenummer (4 digits)' },
  fylkeskommune: { digits: 2, name: 'fylkesnummer (2 digits)' },
  'kommunalt foretak': { digits: 9, name: 'organisasjonsnummer (9 digits)' },
};

/** Brønnøysundregistrene's modulus 11 check digit. */
export function isOrganisationNumber(id: string): boolean {
  if (!/^\d{9}$/.test(id)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(id[8]);
}

/** The id must be the kind of number its type has; with an unknown type any kind will do. */
export function readId(text: string, type: OrganisationType | null): FieldResult<string> {
  const id = text.trim();
  if (!/^(\d{2}|\d{4}|\d{9})$/.test(id)) {
    const hint = /^\d{3}$/.test(id) ? ' (a leading zero lost in a spreadsheet?)' : '';
    return problem(
      `${JSON.stringify(text)} is not a kommunenummer (4 digits), fylkesnummer (2) or organisasjonsnummer (9)${hint}`,
    );
  }
  if (type && id.length !== ID_DIGITS[type].digits) {
    return problem(`${id} does not fit type ${type}: expected a ${ID_DIGITS[type].name}`);
  }
  if (id.length === 9 && !isOrganisationNumber(id)) {
    return problem(`${id} is not a valid organisasjonsnummer (check digit)`);
  }
  return ok(id);
}

export function readEmail(text: string): FieldResult<string> {
  const email = text.trim();
  return isEmailAddress(email)
    ? ok(email)
    : problem(`${JSON.stringify(text)} is not an email address`);
}

/** `59.91`, or `59,91` where a semicolon separates the columns (Norwegian spreadsheets). */
export function readCoordinate(
  text: string,
  axis: 'lat' | 'lon',
  decimalComma: boolean,
): FieldResult<number> {
  const raw = text.trim();
  const normalised = decimalComma ? raw.replace(',', '.') : raw;
  if (!/^-?\d{1,3}(\.\d+)?$/.test(normalised)) {
    const what = axis === 'lat' ? 'latitude' : 'longitude';
    return problem(`${JSON.stringify(text)} is not a ${what} in decimal degrees`);
  }
  return ok(Number(normalised));
}

/** Mainland Norway with its coastal islands, generously: catches swapped or garbled coordinates. */
export const NORWAY_BOUNDS = { lat: [57.5, 71.5], lon: [4.0, 31.5] } as const;
/** Svalbard with Bjørnøya, for venues only: no municipality on a roster lies there. */
export const SVALBARD_BOUNDS = { lat: [74.0, 81.0], lon: [10.0, 34.0] } as const;

type Bounds = { lat: readonly number[]; lon: readonly number[] };
const within = (box: Bounds, lat: number, lon: number) =>
  lat >= box.lat[0] && lat <= box.lat[1] && lon >= box.lon[0] && lon <= box.lon[1];
const describeBox = (box: Bounds) => `lat ${box.lat.join('–')}, lon ${box.lon.join('–')}`;

export function checkInNorway(
  lat: number,
  lon: number,
  { svalbard = false }: { svalbard?: boolean } = {},
): string | null {
  const boxes: Bounds[] = svalbard ? [NORWAY_BOUNDS, SVALBARD_BOUNDS] : [NORWAY_BOUNDS];
  if (boxes.some((box) => within(box, lat, lon))) return null;
  const box = boxes.map(describeBox).join('; or Svalbard, ');
  const hint = boxes.some((b) => within(b, lon, lat)) ? ': lat and lon look swapped' : '';
  return `${lat}, ${lon} is outside Norway (${box})${hint}`;
}

/** The email's domain first, then the extra ones; lower case, each once. */
export function readDomains(extra: string, email: string): FieldResult<string[]> {
  const listed = extra
    .split(/[\s,]+/)
    .map((d) => d.trim().replace(/^@/, '').toLowerCase())
    .filter((d) => d !== '');
  const bad = listed.filter((d) => !isMailDomain(d));
  if (bad.length > 0) {
    return problem(`${bad.map((d) => JSON.stringify(d)).join(', ')} is not a mail domain`);
  }
  return ok([...new Set([emailDomain(email), ...listed])]);
}
