// Replies as the inbox would hand them to a journey: already understood.
import type { Participant, ParsedReply } from '../../domain/types';

let counter = 0;

export function participant(name: string, title: string | null, email: string | null): Participant {
  return { name, title, email, phone: null };
}

export function reply(overrides: Partial<ParsedReply> = {}): ParsedReply {
  counter += 1;
  return {
    messageId: `<reply-${counter}-${Date.now()}@kommune.example>`,
    from: { name: 'Kari Nordmann', address: 'kari.nordmann@voss.kommune.example' },
    subject: 'SV: Invitasjon',
    date: null,
    inReplyTo: null,
    references: [],
    kind: 'other',
    text: '',
    participants: null,
    anchored: null,
    networkPreference: null,
    questions: [],
    attendance: null,
    bounce: null,
    attachments: [],
    ...overrides,
  };
}

export const kari = participant(
  'Kari Nordmann',
  'kommunalsjef',
  'kari.nordmann@voss.kommune.example',
);
export const ola = participant('Ola Hansen', 'rådgiver', 'ola.hansen@voss.kommune.example');
export const per = participant('Per Berg', 'økonomisjef', 'per.berg@voss.kommune.example');
export const lise = participant('Lise Dahl', 'personalsjef', 'lise.dahl@voss.kommune.example');

export function registration(people: Participant[], extra: Partial<ParsedReply> = {}): ParsedReply {
  return reply({
    kind: 'registration',
    text: 'Vi melder på våre deltakere. Deltakelsen er forankret i administrativ ledelse.',
    participants: people,
    anchored: true,
    ...extra,
  });
}
