// The short answers that are not registrations: questions before deciding, declines, and the
// postmottak's out-of-office, signed by the archivist who keeps it.
import type { Municipality } from '../../../domain/types';
import { pick, rng } from '../people';
import { capitalise } from '../norwegian';
import type { Lang, MunicipalityPlan, Person } from '../types';
import { org, signature, type Written } from './common';

const QUESTIONS: Record<Lang, string[]> = {
  nb: [
    'Er det mulig å bytte ut en av deltakerne underveis dersom noen slutter i kommunen? Og blir samlingene lagt til {region}, eller må vi regne med å reise til Oslo hver gang?',
    'Må alle deltakerne være med på alle tre samlingene? Og er det mulig å få tilsendt programmet for første samling før vi bestemmer oss?',
  ],
  nn: [
    'Er det mogleg å byte ut ein av deltakarane undervegs dersom nokon sluttar i kommunen? Og vert samlingane lagde til {region}, eller må vi rekne med å reise til Oslo kvar gong?',
    'Må alle deltakarane vere med på alle tre samlingane? Og er det mogleg å få tilsendt programmet for første samling før vi bestemmer oss?',
  ],
};

function region(m: Municipality): string {
  if (m.lat > 65) return 'Nord-Norge';
  if (m.lat > 62.5) return 'Trøndelag';
  if (m.lon < 7.5) return 'Vestlandet';
  if (m.lat < 59.5 && m.lon < 9.5) return 'Sørlandet';
  return 'Østlandet';
}

export function questionText(p: MunicipalityPlan): Written {
  const nn = p.lang === 'nn';
  const q = QUESTIONS[p.lang][p.index % 2].replace('{region}', region(p.municipality));
  const body = nn
    ? `Hei,\n\nVi har sett på invitasjonen og har to spørsmål før vi tek stilling: ${q}\n\n${signature(p.client, p.lang, p.contact, p.municipality)}`
    : `Hei,\n\nVi har sett på invitasjonen og har to spørsmål før vi tar stilling: ${q}\n\n${signature(p.client, p.lang, p.contact, p.municipality)}`;
  return { client: p.client, from: p.contact, body };
}

export function declineText(p: MunicipalityPlan): Written {
  const nn = p.lang === 'nn';
  const body = nn
    ? `Hei,\n\nTakk for invitasjonen. Vi har diverre ikkje kapasitet i år, sidan vi er midt i ei omorganisering av administrasjonen. Vi følgjer gjerne med på seinare tilbod. Lukke til med arbeidet!\n\n${signature(p.client, p.lang, p.contact, p.municipality)}`
    : `Hei\n\nTakk for invitasjonen. Vi har dessverre ikke kapasitet i år, men følger gjerne med på nettverkene senere. Lykke til med arbeidet!\n\n${signature(p.client, p.lang, p.contact, p.municipality)}`;
  return { client: p.client, from: p.contact, body };
}

/** The person who keeps the municipality's postmottak, for the out-of-office. */
export function archivist(p: MunicipalityPlan): Person {
  const r = rng(`archive:${p.municipality.id}`);
  const first = pick(
    r,
    p.lang === 'nn' ? ['Gunvor', 'Jorunn', 'Oddbjørg'] : ['Randi', 'Wenche', 'Grete'],
  );
  const last = pick(r, p.lang === 'nn' ? ['Fjeldstad', 'Nakken'] : ['Bakke', 'Evensen']);
  return {
    name: `${first} ${last}`,
    title: p.lang === 'nn' ? 'arkivleiar' : 'arkivleder',
    email: p.municipality.email,
    phone: null,
  };
}

export function outOfOfficeText(p: MunicipalityPlan, back: string, switchboard: string): string {
  const a = archivist(p);
  return p.lang === 'nn'
    ? `Takk for e-posten din. Eg er på kurs og er tilbake på kontoret ${back}. E-post til postmottaket vert journalført når eg er tilbake.\n\nHenvendingar som hastar kan rettast til servicetorget på ${switchboard}.\n\nMed venleg helsing\n${a.name}\n${capitalise(a.title)}, ${org(p)}`
    : `Takk for e-posten din. Jeg er på kurs og er tilbake på kontoret ${back}. E-post til postmottaket blir journalført når jeg er tilbake.\n\nHenvendelser som haster kan rettes til servicetorget på ${switchboard}.\n\nMed vennlig hilsen\n${a.name}\n${capitalise(a.title)}, ${org(p)}`;
}
