// Who does what: the default persona mix for the demo's 36 municipalities (and any other list,
// by index), and each municipality's full plan, from registration to lessons learned.
// Deterministic: the same list gives the same plans, so the demo's funnel is known in advance.
import type { Municipality, NetworkId } from '../../domain/types';
import { rng, pick, staffOf } from './people';
import {
  PERSONAS,
  type AttendancePlan,
  type Client,
  type Lang,
  type MunicipalityPlan,
  type PersonaName,
  type Person,
} from './types';

interface Slot {
  persona: PersonaName;
  /** Participants in the complete registration. */
  size: number;
  wish?: NetworkId;
  wishStyle?: 'month';
  /** Campaign days after the invitation. */
  day: number;
  client?: Client;
  mode?: 'each';
  lessons?: 'after-reminder' | 'never';
  noStatus2?: true;
  special?: 'substitute-g1' | 'absent-g2';
}

/**
 * The demo mix, by position in `campaigns/demo/municipalities.csv` (nynorsk at 17–20, 22–23,
 * 32–33). 30 register by the deadline with 88 participants (one with four, three with two,
 * the rest with three); two register late with three each and cannot fit (88 + 3 > 90), so
 * they end on the waiting list whenever the coordinator approves. Wishes: A 10, B 15, C 15.
 */
export const DEMO_MIX: readonly Slot[] = [
  /* 0 Oslo */ { persona: 'outlook-list', size: 3, day: 2 },
  /* 1 Fredrikstad */ { persona: 'gmail-form', size: 3, wish: 'B', day: 3, mode: 'each' },
  /* 2 Bærum */ { persona: 'owa-table', size: 3, wish: 'A', day: 1.5 },
  /* 3 Lillestrøm */ { persona: 'ipad-prose', size: 2, wish: 'A', wishStyle: 'month', day: 4 },
  /* 4 Drammen */ {
    persona: 'question-then-register',
    size: 3,
    wish: 'B',
    day: 2.5,
    client: 'outlook-1252',
  },
  /* 5 Kongsberg */ { persona: 'outlook-list-1252', size: 3, wish: 'A', day: 6 },
  /* 6 Hamar */ { persona: 'thunderbird-blocks', size: 3, day: 7, lessons: 'never' },
  /* 7 Lillehammer */ { persona: 'incomplete-then-complete', size: 3, day: 3, client: 'outlook' },
  /* 8 Gjøvik */ { persona: 'decline', size: 0, day: 5, client: 'iphone' },
  /* 9 Tønsberg */ { persona: 'gmail-form', size: 3, wish: 'C', day: 5.5 },
  /* 10 Sandefjord */ {
    persona: 'out-of-office-then-register',
    size: 3,
    day: 0,
    client: 'outlook',
  },
  /* 11 Skien */ { persona: 'outlook-list', size: 3, wish: 'B', day: 6, special: 'substitute-g1' },
  /* 12 Arendal */ { persona: 'bounce', size: 0, day: 0 },
  /* 13 Kristiansand */ { persona: 'owa-table', size: 3, wish: 'C', day: 7.5, mode: 'each' },
  /* 14 Stavanger */ { persona: 'over-limit', size: 4, day: 4.5, client: 'outlook' },
  /* 15 Haugesund */ { persona: 'ipad-prose', size: 3, day: 8, lessons: 'after-reminder' },
  /* 16 Bergen */ {
    persona: 'outlook-list-1252',
    size: 3,
    wish: 'B',
    day: 5.5,
    special: 'absent-g2',
  },
  /* 17 Stord */ { persona: 'gmail-form', size: 3, wish: 'C', day: 6.5 },
  /* 18 Voss */ { persona: 'outlook-list', size: 3, day: 8.5, mode: 'each' },
  /* 19 Sogndal */ { persona: 'ipad-prose', size: 2, wish: 'A', wishStyle: 'month', day: 9 },
  /* 20 Kinn */ { persona: 'silent', size: 0, day: 0 },
  /* 21 Ålesund */ { persona: 'reminder-then-register', size: 3, day: 0, client: 'outlook' },
  /* 22 Ørsta */ { persona: 'thunderbird-blocks', size: 3, wish: 'B', day: 6.5, noStatus2: true },
  /* 23 Volda */ { persona: 'decline', size: 0, day: 8, client: 'outlook' },
  /* 24 Molde */ { persona: 'gmail-form', size: 3, day: 10, lessons: 'never' },
  /* 25 Trondheim */ { persona: 'outlook-list', size: 3, wish: 'C', day: 7.5 },
  /* 26 Steinkjer */ { persona: 'late', size: 3, day: 0, client: 'outlook' },
  /* 27 Bodø */ { persona: 'owa-table', size: 3, day: 10.5, lessons: 'never', noStatus2: true },
  /* 28 Rana */ {
    persona: 'reminder-then-register',
    size: 2,
    day: 0,
    client: 'gmail',
    mode: 'each',
  },
  /* 29 Tromsø */ {
    persona: 'outlook-list',
    size: 3,
    wish: 'C',
    day: 11,
    lessons: 'after-reminder',
  },
  /* 30 Alta */ { persona: 'late', size: 3, day: 0, client: 'gmail' },
  /* 31 Sør-Varanger */ { persona: 'ipad-prose', size: 3, day: 11.5 },
  /* 32 Vestland fk */ { persona: 'owa-table', size: 3, day: 7 },
  /* 33 Møre og Romsdal fk */ { persona: 'outlook-list-1252', size: 3, day: 9.5, mode: 'each' },
  /* 34 Trøndelag fk */ { persona: 'gmail-form', size: 3, day: 12 },
  /* 35 Nordland fk */ { persona: 'thunderbird-blocks', size: 3, day: 12.5 },
];

/** The default persona: the demo mix by position, repeating for longer lists. */
export function defaultPersona(_m: Municipality, index: number): PersonaName {
  return DEMO_MIX[index % DEMO_MIX.length].persona;
}

const CLIENT_OF: Partial<Record<PersonaName, Client>> = {
  'outlook-list': 'outlook',
  'outlook-list-1252': 'outlook-1252',
  'owa-table': 'owa',
  'gmail-form': 'gmail',
  'ipad-prose': 'outlook',
  'thunderbird-blocks': 'thunderbird',
  'over-limit': 'outlook',
};

const SIZE_OF: Record<PersonaName, number> = {
  'outlook-list': 3,
  'outlook-list-1252': 3,
  'owa-table': 3,
  'gmail-form': 3,
  'ipad-prose': 2,
  'thunderbird-blocks': 3,
  'incomplete-then-complete': 3,
  'question-then-register': 3,
  'out-of-office-then-register': 3,
  'reminder-then-register': 3,
  'over-limit': 4,
  decline: 0,
  silent: 0,
  bounce: 0,
  late: 3,
};

/** Every persona but those who never register (they decline, stay silent or bounce). */
export const REGISTERS: ReadonlySet<PersonaName> = new Set<PersonaName>(
  PERSONAS.filter((p) => p !== 'decline' && p !== 'silent' && p !== 'bounce'),
);

const DIETS: Record<Lang, string[]> = {
  nb: ['vegetar', 'glutenfri', 'laktoseintolerant', 'nøtteallergi'],
  nn: ['vegetar', 'glutenfri', 'laktoseintolerant', 'nøtteallergi'],
};

/** A slot for a persona the runner chose: the mix's slot when it matches, else a default. */
function slotFor(persona: PersonaName, index: number): Slot {
  const slot = DEMO_MIX[index % DEMO_MIX.length];
  if (slot.persona === persona) return slot;
  const r = rng(`slot:${persona}:${index}`);
  return { persona, size: SIZE_OF[persona], day: 1 + Math.floor(r() * 20) / 2 };
}

export function languageOf(m: Municipality): Lang {
  return m.languageForm === 'nynorsk' ? 'nn' : 'nb';
}

export function planMunicipality(
  m: Municipality,
  index: number,
  persona: PersonaName,
): MunicipalityPlan {
  const slot = slotFor(persona, index);
  const lang = languageOf(m);
  const r = rng(`plan:${m.id}:${index}`);
  const size = Math.max(slot.size, REGISTERS.has(persona) ? 1 : 0);
  const staff = staffOf(m, lang, Math.max(size, 1));
  const participants = REGISTERS.has(persona) ? staff.people.slice(0, size) : [];
  const client: Client = slot.client ?? CLIENT_OF[persona] ?? 'outlook';

  // Who writes: the person who registers themself (incomplete), a participant (Thunderbird,
  // Gmail, late ones), or someone on the leadership's behalf.
  let contact: Person;
  let contactIsParticipant = false;
  switch (persona) {
    case 'incomplete-then-complete':
    case 'thunderbird-blocks':
    case 'reminder-then-register':
    case 'late':
    case 'out-of-office-then-register':
      contact =
        persona === 'thunderbird-blocks' && participants.length > 1
          ? participants[1]
          : participants[0];
      contactIsParticipant = true;
      break;
    case 'outlook-list':
    case 'outlook-list-1252':
    case 'over-limit':
    case 'question-then-register':
      contact = staff.chief;
      break;
    case 'ipad-prose':
      contact = { ...staff.chief, phone: null };
      break;
    default:
      contact = staff.staffer;
  }

  const attendance: Record<string, AttendancePlan> = {};
  const everyone = [...participants, staff.stand_in];
  for (const [i, p] of everyone.entries()) {
    const far = m.lat > 64 || m.lon < 7;
    attendance[p.email] = {
      attending: true,
      // Most stay the night; some from near the venue go home.
      overnight: far || r() < 0.8,
      dinner: r() < 0.85,
      dietary: r() < 0.22 || (index % 5 === 0 && i === 0) ? pick(r, DIETS[lang]) : null,
    };
  }
  const substitute =
    slot.special === 'substitute-g1' && participants.length >= 2
      ? { gathering: 1 as const, out: participants[1].email, in: staff.stand_in }
      : null;
  const absent =
    slot.special === 'absent-g2' && participants.length >= 2
      ? { gathering: 2 as const, who: participants[participants.length - 1].email }
      : null;

  return {
    index,
    municipality: m,
    persona,
    lang,
    client,
    contact,
    contactIsParticipant,
    participants,
    networkWish: slot.wish ?? null,
    wishStyle: slot.wishStyle ?? 'letter',
    answerAfterDays: slot.day,
    followUpAfterDays: 1 + Math.round(r() * 10) / 10,
    attendanceMode: slot.mode ?? 'contact',
    attendance,
    substitute,
    absent,
    status: [true, !slot.noStatus2],
    lessons: slot.lessons ?? 'answer',
    replyDelayDays: {
      attendance: 1 + Math.round(r() * 40) / 10,
      status: 2 + Math.round(r() * 40) / 10,
      lessons: 3 + Math.round(r() * 60) / 10,
    },
  };
}

export function planAll(
  municipalities: Municipality[],
  personaFor: (m: Municipality, index: number) => PersonaName = defaultPersona,
): MunicipalityPlan[] {
  return municipalities.map((m, i) => planMunicipality(m, i, personaFor(m, i)));
}
