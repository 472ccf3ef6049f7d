// Attendance answers read with the journey's participants. Sentences written for this test
// (none is in the corpus), with the expected reading fixed before the reader ran on them.
import { readAttendance } from '../../../mail/incoming/attendance';
import { resolveAttendance } from '../../../mail/incoming/attendance-people';
import { classifyHuman } from '../../../mail/incoming/classify';
import type { Participant } from '../../../domain/types';

const person = (name: string): Participant => ({
  name,
  title: null,
  email: `${name.toLowerCase().replace(/\s+/g, '.')}@vik.kommune.example`,
  phone: null,
});

function read(text: string, sender: string, known: string[]) {
  const people = known.map(person);
  const from = people.find((p) => p.name === sender)!;
  const answers = resolveAttendance(readAttendance(text, sender, known), people, {
    name: sender,
    from: { name: sender, address: from.email! },
  });
  return Object.fromEntries(
    (answers ?? []).map((a) => [
      a.participant,
      { attending: a.attending, overnight: a.overnight, dinner: a.dinner, diet: !!a.dietary },
    ]),
  );
}

const yes = (overnight: boolean | null, dinner: boolean | null, diet = false) => ({
  attending: true,
  overnight,
  dinner,
  diet,
});

describe('attendance read with the journey’s participants', () => {
  it('«Både Trude og jeg»: the first name and the sender, not «Både Trude»', () => {
    expect(read('Både Trude og jeg trenger rom.', 'Hans Moe', ['Trude Lie', 'Hans Moe'])).toEqual({
      'Trude Lie': yes(true, null),
      'Hans Moe': yes(true, null),
    });
  });

  it('a substitute named in the answer is known by first name afterwards, and keeps their own diet', () => {
    const got = read(
      'Per kan ikkje. Liv Aas (liv.aas@vik.kommune.example) kjem i staden for Per. Liv et ikkje gluten.',
      'Anne Bø',
      ['Per Dal', 'Anne Bø'],
    );
    expect(got['Per Dal']).toEqual({
      attending: false,
      overnight: null,
      dinner: null,
      diet: false,
    });
    expect(got['Liv Aas']).toEqual(yes(null, null, true));
    expect(got['Anne Bø']).toBeUndefined();
  });

  it('English: «Both of us will attend», «I am vegetarian»', () => {
    expect(
      read('Both of us will attend. I am vegetarian.', 'Lisa Berg', ['Lisa Berg', 'Tom Ness']),
    ).toEqual({ 'Lisa Berg': yes(null, null, true), 'Tom Ness': yes(null, null) });
  });

  it('«vet ikke ennå om hun får det til»: answered for, not decided', () => {
    expect(
      read('Jeg kommer. Trude vet ikke ennå om hun får det til.', 'Hans Moe', [
        'Trude Lie',
        'Hans Moe',
      ]),
    ).toEqual({
      'Hans Moe': yes(null, null),
      'Trude Lie': { attending: null, overnight: null, dinner: null, diet: false },
    });
  });

  it('«jeg hopper over den»: «den» is the dinner just named', () => {
    expect(
      read('Trude blir med på middagen, jeg hopper over den.', 'Hans Moe', [
        'Trude Lie',
        'Hans Moe',
      ]),
    ).toEqual({
      'Trude Lie': yes(null, true),
      'Hans Moe': { attending: null, overnight: null, dinner: false, diet: false },
    });
  });

  it('«rommet hans kan avbestilles»: no room for who does not come', () => {
    expect(
      read('Hans har fått forfall, så rommet hans kan avbestilles.', 'Trude Lie', [
        'Trude Lie',
        'Hans Moe',
      ])['Hans Moe'],
    ).toEqual({ attending: false, overnight: false, dinner: null, diet: false });
  });

  it('one who comes says no to dinner: the others who come eat', () => {
    expect(
      read('Begge kommer. Trude vil ikke ha middag.', 'Hans Moe', ['Trude Lie', 'Hans Moe']),
    ).toEqual({ 'Trude Lie': yes(null, false), 'Hans Moe': yes(null, true) });
  });

  // Written before the cues below were added.
  it('«rom og middag til alle tre»', () => {
    expect(
      read('Vi kjem alle tre, rom og middag til alle tre.', 'Hans Moe', [
        'Trude Lie',
        'Hans Moe',
        'Per Dal',
      ]),
    ).toEqual({
      'Trude Lie': yes(true, true),
      'Hans Moe': yes(true, true),
      'Per Dal': yes(true, true),
    });
  });

  it('«Trude doesn’t»: no to what the clause before asked', () => {
    expect(
      read("We will both attend. I need a room, Trude doesn't.", 'Hans Moe', [
        'Trude Lie',
        'Hans Moe',
      ]),
    ).toEqual({ 'Hans Moe': yes(true, null), 'Trude Lie': yes(false, null) });
  });

  it('«eg rekk han ikkje»: «han» is the dinner just named', () => {
    expect(
      read('Trude et middag, eg rekk han ikkje.', 'Hans Moe', ['Trude Lie', 'Hans Moe'])[
        'Hans Moe'
      ],
    ).toEqual({ attending: null, overnight: null, dinner: false, diet: false });
  });

  it('«Per et middag saman med meg, men køyrer heim»: the sender eats too, but stays', () => {
    expect(
      read(
        'Begge kjem, eg treng rom. Per et middag saman med meg, men køyrer heim etterpå.',
        'Hans Moe',
        ['Per Dal', 'Hans Moe'],
      ),
    ).toEqual({ 'Per Dal': yes(false, true), 'Hans Moe': yes(true, true) });
  });

  it('«Vegetar til Per, glutenfritt til meg»: a diet each', () => {
    const got = read('Vi kommer begge. Vegetar til Per, glutenfritt til meg.', 'Hans Moe', [
      'Per Dal',
      'Hans Moe',
    ]);
    expect([got['Per Dal'].diet, got['Hans Moe'].diet]).toEqual([true, true]);
  });

  it('asking to send someone else instead is a question, not an answer', () => {
    const question = 'Kan vi sende en annen fra økonomi i stedet?';
    expect(
      classifyHuman({
        text: `Kari er sykmeldt. ${question}`,
        subject: 'SV: Hvem kommer på første samling?',
        participants: [],
        questions: [question],
        attendance: [
          {
            participant: 'Kari Lie',
            attending: false,
            overnight: null,
            dinner: null,
            dietary: null,
            substitute: null,
          },
        ],
        attachments: 0,
      }).kind,
    ).toBe('question');
  });
});
