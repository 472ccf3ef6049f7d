// Attendance answers, from the contact for everyone or from each participant for themself,
// with overnight stay, dinner, diets, a substitute or an absence as the plan has them.
import { firstName, listing, numberWord } from '../norwegian';
import type { AttendancePlan, Client, Lang, MunicipalityPlan, Person } from '../types';
import { signature } from './common';

export interface AttendanceSituation {
  gathering: 1 | 2 | 3;
  lunchToLunch: boolean;
  /** Participants as the journey has them now (after any substitution). */
  current: Person[];
}

function attendanceOf(p: MunicipalityPlan, who: Person, s: AttendanceSituation): AttendancePlan {
  const base = p.attendance[who.email] ?? {
    attending: true,
    overnight: true,
    dinner: true,
    dietary: null,
  };
  if (p.absent && p.absent.gathering === s.gathering && p.absent.who === who.email)
    return { ...base, attending: false };
  return base;
}

function dietSentence(name: string | null, diet: string, lang: Lang): string {
  const nn = lang === 'nn';
  const subject = name ?? (nn ? 'Eg' : 'Jeg');
  switch (diet) {
    case 'vegetar':
      return nn ? `${subject} et vegetarmat.` : `${subject} er vegetarianer.`;
    case 'glutenfri':
      return nn ? `${subject} treng glutenfri kost.` : `${subject} trenger glutenfri kost.`;
    case 'laktoseintolerant':
      return `${subject} er laktoseintolerant.`;
    default:
      return nn ? `${subject} har nøtteallergi.` : `${subject} har nøtteallergi.`;
  }
}

/** One person's line about themself (each participant answers for themself). */
function selfAnswer(p: MunicipalityPlan, who: Person, s: AttendanceSituation): string {
  const a = attendanceOf(p, who, s);
  const nn = p.lang === 'nn';
  if (!a.attending)
    return nn
      ? 'Eg kan diverre ikkje kome denne gongen.'
      : 'Jeg kan dessverre ikke komme denne gangen.';
  const parts: string[] = [];
  if (s.lunchToLunch) {
    const stay = a.overnight
      ? nn
        ? 'Eg kjem på samlinga og treng overnatting'
        : 'Jeg kommer på samlingen og trenger overnatting'
      : nn
        ? 'Eg kjem på samlinga, men reiser heim om kvelden og treng ikkje overnatting'
        : 'Jeg kommer på samlingen, men reiser hjem om kvelden og trenger ikke overnatting';
    parts.push(`${stay}.`);
    parts.push(
      a.dinner
        ? nn
          ? 'Eg blir gjerne med på middagen.'
          : 'Jeg blir gjerne med på middagen.'
        : nn
          ? 'Eg droppar middagen.'
          : 'Jeg dropper middagen.',
    );
  } else {
    parts.push(nn ? 'Eg kjem på samlinga.' : 'Jeg kommer på samlingen.');
  }
  if (a.dietary) parts.push(dietSentence(null, a.dietary, p.lang));
  return parts.join(' ');
}

/** The contact's answer for everyone, with a substitute or an absence when planned. */
function groupAnswer(
  p: MunicipalityPlan,
  s: AttendanceSituation,
): { text: string; substituted: Person | null } {
  const nn = p.lang === 'nn';
  const sub = p.substitute && p.substitute.gathering === s.gathering ? p.substitute : null;
  const people = s.current;
  const lines: string[] = [];
  let substituted: Person | null = null;

  const coming = people.filter((q) => attendanceOf(p, q, s).attending && q.email !== sub?.out);
  const absent = people.filter((q) => !attendanceOf(p, q, s).attending && q.email !== sub?.out);
  const same =
    coming.length === people.length &&
    coming.every((q) => {
      const a = attendanceOf(p, q, s);
      const f = attendanceOf(p, coming[0], s);
      return a.overnight === f.overnight && a.dinner === f.dinner;
    });

  if (same && !sub) {
    const all =
      people.length === 2 ? (nn ? 'begge' : 'begge') : `alle ${numberWord(people.length, p.lang)}`;
    if (s.lunchToLunch) {
      const f = attendanceOf(p, coming[0], s);
      const stay = f.overnight
        ? nn
          ? 'treng overnatting'
          : 'trenger overnatting'
        : nn
          ? 'reiser heim same dag og treng ikkje overnatting'
          : 'reiser hjem samme dag og trenger ikke overnatting';
      const dinner = f.dinner
        ? nn
          ? 'blir med på middagen'
          : 'blir med på middagen'
        : nn
          ? 'droppar middagen'
          : 'dropper middagen';
      lines.push(
        nn
          ? `Vi kjem ${all} på samlinga. Alle ${stay} og ${dinner}.`
          : `Vi kommer ${all} på samlingen. Alle ${stay} og ${dinner}.`,
      );
    } else {
      lines.push(nn ? `Vi kjem ${all} på samlinga.` : `Vi kommer ${all} på samlingen.`);
    }
  } else {
    for (const q of people) {
      if (sub && q.email === sub.out) {
        const inn = sub.in;
        substituted = inn;
        const a = attendanceOf(p, inn, s);
        const stay = nn
          ? `treng ${a.overnight ? '' : 'ikkje '}overnatting`
          : `trenger ${a.overnight ? '' : 'ikke '}overnatting`;
        const dinner = a.dinner
          ? nn
            ? 'og blir med på middagen'
            : 'og blir med på middagen'
          : nn
            ? 'men droppar middagen'
            : 'men står over middagen';
        const extra = s.lunchToLunch ? ` ${firstName(inn.name)} ${stay}, ${dinner}.` : '';
        lines.push(
          nn
            ? `${q.name} kan diverre ikkje kome. I staden kjem ${inn.title} ${inn.name} (${inn.email}).${extra}`
            : `${q.name} kan dessverre ikke komme. I stedet kommer ${inn.title} ${inn.name} (${inn.email}).${extra}`,
        );
        continue;
      }
      const a = attendanceOf(p, q, s);
      if (!a.attending) continue;
      if (s.lunchToLunch) {
        const stay = a.overnight
          ? nn
            ? 'med overnatting'
            : 'med overnatting'
          : nn
            ? 'utan overnatting'
            : 'uten overnatting';
        const dinner = a.dinner
          ? nn
            ? 'og blir med på middagen'
            : 'og blir med på middagen'
          : nn
            ? 'men droppar middagen'
            : 'men dropper middagen';
        lines.push(
          nn ? `${q.name} kjem ${stay}, ${dinner}.` : `${q.name} kommer ${stay}, ${dinner}.`,
        );
      } else {
        lines.push(nn ? `${q.name} kjem.` : `${q.name} kommer.`);
      }
    }
    if (absent.length) {
      lines.push(
        nn
          ? `${listing(
              absent.map((q) => q.name),
              'nn',
            )} kan diverre ikkje kome denne gongen.`
          : `${listing(
              absent.map((q) => q.name),
              'nb',
            )} kan dessverre ikke komme denne gangen.`,
      );
    }
  }
  const diets = [...coming, ...(substituted ? [substituted] : [])].filter(
    (q) => attendanceOf(p, q, s).dietary,
  );
  if (diets.length)
    lines.push(
      diets.map((q) => dietSentence(q.name, attendanceOf(p, q, s).dietary!, p.lang)).join(' '),
    );
  return { text: lines.join('\n\n'), substituted };
}

/** An answer to an attendance request: for everyone (the contact) or for oneself. */
export function attendanceText(
  p: MunicipalityPlan,
  responder: Person,
  s: AttendanceSituation,
  client: Client,
): { body: string; substituted: Person | null } {
  const greeting = 'Hei,';
  if (p.attendanceMode === 'each') {
    return {
      body: `${greeting}\n\n${selfAnswer(p, responder, s)}\n\n${signature(client, p.lang, responder, p.municipality, true)}`,
      substituted: null,
    };
  }
  const { text, substituted } = groupAnswer(p, s);
  return {
    body: `${greeting}\n\n${text}\n\n${signature(client, p.lang, responder, p.municipality)}`,
    substituted,
  };
}
