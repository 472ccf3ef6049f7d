import {
  declineCue,
  extractQuestions,
  readAnchoring,
  readNetworkPreference,
  readRegistration,
  registersSelf,
  registrationCue,
} from '../../../mail/incoming/registration';

describe('anchoring in the administrative leadership', () => {
  it.each([
    'Deltakelsen er forankret i administrativ ledelse.',
    'Deltakelsen er forankret i den administrative ledelsen.',
    'Rådmannen har godkjent deltakelsen.',
    'Rådmannen har allerede godkjent at vi deltar.',
    'Kommunedirektøren har vedtatt at vi skal delta.',
    'Deltakinga er forankra i administrativ leiing.',
    'Kommunedirektøren har godkjent deltakinga.',
    'Deltakelsen er godkjent av rådmannen.',
    'Dette er behandlet i rådmannens ledergruppe.',
    'Vi har full støtte fra kommunedirektøren.',
    'Forankringen er på plass.',
    'Saka er forankra.',
  ])('true: %s', (text) => {
    expect(readAnchoring(text)).toBe(true);
  });

  it.each([
    'Deltakelsen er ikke forankret ennå.',
    'Deltakelsen er ikke formelt forankret ennå – saken skal opp i ledergruppen neste uke.',
    'Deltakinga er ikkje forankra enno.',
    'Rådmannen har ikke godkjent deltakelsen ennå.',
    'Forankring kommer etter ledermøtet 28. mai.',
    'Påmeldingen skal opp i rådmannens ledergruppe på tirsdag.',
    'Vi melder på med forbehold om godkjenning fra rådmannen.',
    'Vi venter på godkjenning fra kommunedirektøren for deltakelsen.',
  ])('false: %s', (text) => {
    expect(readAnchoring(text)).toBe(false);
  });

  it.each([
    'Vi melder på Kari Nordmann.',
    'Risikovurdering må forankrast i leiinga for å få gjennomslag.',
    '',
  ])('null: %s', (text) => {
    expect(readAnchoring(text)).toBeNull();
  });
});

describe('network wish', () => {
  it.each([
    ['Vi ønsker nettverk A.', 'A'],
    ['Nettverk B passer best.', 'B'],
    ['Helst C, alternativt B.', 'C'],
    ['Vi ønskjer gruppe A.', 'A'],
    ['Vi vil gjerne være med i B-nettverket.', 'B'],
    ['Nettverk A passer ikke for oss, men B går fint.', 'B'],
    ['Ikke nettverk A, men gjerne nettverk C.', 'C'],
    ['Vi ønsker å starte i juni.', 'A'],
    ['Vi kan starte allerede i juni.', 'A'],
    ['Vi kan ikke i juni.', null],
    ['Vi melder på Kari Nordmann.', null],
    ['Vi har A-lag og B-lag i fotball.', null],
  ])('%s → %s', (text, id) => {
    expect(readNetworkPreference(text)).toBe(id);
  });

  it('follows the campaign’s network names', () => {
    expect(readNetworkPreference('Vi ønsker nettverk D.', ['A', 'B', 'C', 'D'])).toBe('D');
    expect(readNetworkPreference('Vi ønsker nettverk D.')).toBeNull();
  });
});

describe('questions', () => {
  it('collects the sentences that end in a question mark', () => {
    expect(
      extractQuestions(
        'Vi melder på to. Hva koster det? Når kommer programmet?\n\nKan vi bytte deltaker\nsenere?\nTakk!',
      ),
    ).toEqual(['Hva koster det?', 'Når kommer programmet?', 'Kan vi bytte deltaker senere?']);
  });

  it('ignores stray question marks', () => {
    expect(extractQuestions('OK?? ?')).toEqual([]);
  });
});

describe('cues', () => {
  it.each([
    'Vi melder oss på.',
    'Vi melder på to personer.',
    'Kommunen ønsker å delta.',
    'Vi ønskjer å vere med.',
    'Kommunen stiller med to deltakarar.',
    'Våre deltakere er:',
  ])('registers: %s', (text) => expect(registrationCue(text)).toBe(true));

  it.each([
    'Vi takker nei.',
    'Vi har dessverre ikke kapasitet i år.',
    'Vi kan ikkje delta.',
    'Det er ikke aktuelt for oss nå.',
    'Vi står over denne gangen.',
    'Vi melder oss ikke på.',
  ])('declines: %s', (text) => expect(declineCue(text)).toBe(true));

  it('knows when the sender registers themself', () => {
    expect(registersSelf('Jeg melder meg på.')).toBe(true);
    expect(registersSelf('Vi melder på Ola og meg selv.')).toBe(true);
    expect(registersSelf('Undertegnede deltar.')).toBe(true);
    expect(registersSelf('Vi melder på Ola.')).toBe(false);
  });
});

describe('readRegistration', () => {
  const sender = {
    name: 'Kari Nordmann',
    title: 'Kommunalsjef',
    email: 'kari.nordmann@voss.kommune.example',
    phone: '99 88 77 66',
  };

  it('adds the sender when they register themself, from their signature', () => {
    const r = readRegistration(
      'Jeg melder meg på, sammen med Ola Hansen, rådgiver, ola.hansen@voss.kommune.example.',
      sender,
    );
    expect(r.participants).toEqual([
      {
        name: 'Ola Hansen',
        title: 'rådgiver',
        email: 'ola.hansen@voss.kommune.example',
        phone: null,
      },
      sender,
    ]);
  });

  it('completes a listed sender from the signature, and leaves an unlisted sender out', () => {
    expect(
      readRegistration(
        'Vi melder på Kari Nordmann og Ola Hansen (ola.hansen@voss.kommune.example).',
        sender,
      ).participants,
    ).toEqual([
      sender,
      { name: 'Ola Hansen', title: null, email: 'ola.hansen@voss.kommune.example', phone: null },
    ]);
    expect(
      readRegistration('Vi melder på Ola Hansen, rådgiver.', sender).participants.map(
        (p) => p.name,
      ),
    ).toEqual(['Ola Hansen']);
  });

  it('reads the whole registration', () => {
    expect(
      readRegistration(
        'Vi melder på:\nNavn: Ola Hansen\nStilling: rådgiver\nE-post: ola.hansen@voss.kommune.example\n\nDeltakelsen er forankret i administrativ ledelse. Vi ønsker nettverk B. Når kommer programmet?',
      ),
    ).toEqual({
      participants: [
        {
          name: 'Ola Hansen',
          title: 'rådgiver',
          email: 'ola.hansen@voss.kommune.example',
          phone: null,
        },
      ],
      anchored: true,
      networkPreference: 'B',
      questions: ['Når kommer programmet?'],
    });
  });
});

it('«I tillegg til meg kommer …» registers the sender too', () => {
  const sender = {
    name: 'Liv Dal',
    title: null,
    email: 'liv.dal@vik.kommune.example',
    phone: null,
  };
  expect(
    readRegistration(
      'I tillegg til meg kommer Per Bø, rådgiver, per.bo@vik.kommune.example.',
      sender,
    ).participants.map((p) => p.name),
  ).toEqual(['Per Bø', 'Liv Dal']);
});
