// What the simulated people write, in bokmål and nynorsk, deterministic per municipality, is
// split by kind of message across this folder; this file holds what every kind shares: the
// written message, who «the boss» is, and how each program's users sign.
import type { Municipality } from '../../../domain/types';
import { organisationName } from '../people';
import { capitalise, firstName } from '../norwegian';
import type { Client, Lang, MunicipalityPlan, Person } from '../types';

export type RegistrationVariant =
  | 'first'
  | 'after-question'
  | 'after-out-of-office'
  | 'after-reminder'
  | 'late'
  | 'incomplete-first'
  | 'incomplete-rest';

export interface Written {
  client: Client;
  from: Person;
  body: string;
  html?: string;
  english?: boolean;
}

export const org = (p: MunicipalityPlan) => organisationName(p.municipality);

/** «rådmannen», «fylkesrådmannen», «daglig leder». */
export function boss(m: Municipality, lang: Lang): string {
  if (m.type === 'fylkeskommune') return 'fylkesrådmannen';
  if (m.type === 'kommune') return 'rådmannen';
  return lang === 'nn' ? 'dagleg leiar' : 'daglig leder';
}

/** The closing and signature, the way each program's users sign. */
export function signature(
  client: Client,
  lang: Lang,
  who: Person,
  m: Municipality,
  short = false,
): string {
  const o = organisationName(m);
  const regards = lang === 'nn' ? 'Med venleg helsing' : 'Med vennlig hilsen';
  const title = capitalise(who.title);
  switch (client) {
    case 'outlook':
      return short
        ? `${lang === 'nn' ? 'Helsing' : 'Hilsen'}\n${who.name}`
        : `${regards}\n\n${who.name}\n${title}\n${o}\n${who.phone ? `Tlf.: ${who.phone} | ` : 'E-post: '}${who.email}`;
    case 'outlook-1252':
      return `${lang === 'nn' ? 'Helsing' : 'Med hilsen'}\n${who.name}\n${title}\n${o}${who.phone ? `\nTelefon ${who.phone}` : ''}`;
    case 'owa':
      return `${lang === 'nn' ? 'Venleg helsing' : 'Vennlig hilsen'}\n${who.name}\n${title}, ${o}`;
    case 'gmail':
      return `${lang === 'nn' ? 'Venleg helsing' : 'Vennlig hilsen'}\n${who.name}\n${who.title}, ${o}`;
    case 'ipad':
      return `${lang === 'nn' ? 'Helsing' : 'Hilsen'} ${firstName(who.name)}`;
    case 'iphone':
      return `Mvh\n${who.name}\n${title}`;
    case 'thunderbird':
      return `${lang === 'nn' ? 'Helsing' : 'Hilsen'} ${firstName(who.name)}\n\n-- \n${who.name}\n${title}, ${o}`;
  }
}
