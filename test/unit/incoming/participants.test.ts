import {
  extractParticipants,
  mergeParticipants,
  parseListLine,
  participantFromSignature,
  participantsFromBlocks,
  participantsFromForm,
  participantsFromProse,
  participantsFromTable,
  participantsUnderIntro,
} from '../../../mail/incoming/participants';
import { findPhone } from '../../../mail/incoming/contact-details';
import { findPersonName, isJobTitle, isPersonName } from '../../../mail/incoming/names';
import { uni } from '../../../mail/incoming/text-utils';

const kari = {
  name: 'Kari Nordmann',
  title: 'kommunalsjef',
  email: 'kari.nordmann@voss.kommune.example',
  phone: '99 88 77 66',
};
const ola = {
  name: 'Ola Hansen',
  title: 'rådgiver',
  email: 'ola.hansen@voss.kommune.example',
  phone: null,
};

describe('text helpers', () => {
  it('knows names from sentence words and places', () => {
    expect(isPersonName('Kari Nordmann')).toBe(true);
    expect(isPersonName('Anne-Lise van der Berg')).toBe(true);
    expect(isPersonName('Håkon Øvrebø')).toBe(true);
    expect(isPersonName('Voss Kommune')).toBe(false);
    expect(isPersonName('Med Vennlig')).toBe(false);
    expect(isPersonName('kari nordmann')).toBe(false);
    expect(findPersonName('Hei Kari Nordmann, takk')).toBe('Kari Nordmann');
  });

  it('knows job titles in bokmål and nynorsk', () => {
    for (const t of [
      'kommunalsjef',
      'Rådgjevar',
      'seniorrådgiver',
      'økonomisjef',
      'HR-sjef',
      'kommunalsjef for helse og omsorg',
      'innkjøpsleiar',
      'Controller',
      'assisterende rådmann',
    ]) {
      expect(isJobTitle(t)).toBe(true);
    }
    expect(isJobTitle('Voss kommune')).toBe(false);
    expect(isJobTitle('kari@voss.kommune.example')).toBe(false);
  });

  it('finds Norwegian phone numbers as written, not years or dates', () => {
    expect(findPhone('tlf. 99 88 77 66')).toBe('99 88 77 66');
    expect(findPhone('mobil 481 23 456')).toBe('481 23 456');
    expect(findPhone('+47 99887766')).toBe('+47 99887766');
    expect(findPhone('18.–19. juni 2013')).toBeNull();
    expect(findPhone('2013-2014')).toBeNull();
  });

  it('uni() gives \\b and \\w the Norwegian letters', () => {
    expect(/\bpå\b/.test('melder på')).toBe(false);
    expect(uni(/\bpå\b/).test('melder på')).toBe(true);
    expect(uni(/^\w+$/).test('økonomisjef')).toBe(true);
  });
});

describe('list style', () => {
  it.each([
    ['Kari Nordmann, kommunalsjef, kari.nordmann@voss.kommune.example, 99 88 77 66', kari],
    ['- Kari Nordmann; kommunalsjef; kari.nordmann@voss.kommune.example; tlf 99 88 77 66', kari],
    ['1. Kari Nordmann (kommunalsjef) – kari.nordmann@voss.kommune.example – 99 88 77 66', kari],
    ['Kari Nordmann, kommunalsjef, <kari.nordmann@voss.kommune.example>, mobil: 99 88 77 66', kari],
    ['kommunalsjef Kari Nordmann, kari.nordmann@voss.kommune.example, 99 88 77 66', kari],
    ['Ola Hansen, rådgiver, ola.hansen@voss.kommune.example', ola],
  ])('%s', (line, expected) => {
    expect(parseListLine(line)).toEqual(expected);
  });

  it('needs a name and one more field', () => {
    expect(parseListLine('Kari Nordmann')).toBeNull();
    expect(
      parseListLine('Ta kontakt med oss på post@voss.kommune.example om noe er uklart.'),
    ).toBeNull();
  });
});

describe('form style', () => {
  it('reads «Navn: / Stilling: / E-post: / Telefon:» blocks', () => {
    const text =
      'Navn: Kari Nordmann\nStilling: kommunalsjef\nE-post: kari.nordmann@voss.kommune.example\nTelefon: 99 88 77 66\n\nNavn: Ola Hansen\nStilling: rådgiver\nE-post: ola.hansen@voss.kommune.example';
    expect(participantsFromForm(text.split('\n'))).toEqual([kari, ola]);
  });

  it('reads nynorsk «Namn:» and the labels on one line', () => {
    expect(
      participantsFromForm([
        'Namn: Kari Nordmann, Stilling: kommunalsjef, E-post: kari.nordmann@voss.kommune.example, Tlf: 99 88 77 66',
      ]),
    ).toEqual([kari]);
  });

  it('reads a value on the line under its label, and «Deltaker 2» headings', () => {
    const text =
      'Deltaker 1\nNavn:\nKari Nordmann\nStilling: kommunalsjef\nDeltaker 2\nNavn: Ola Hansen\nE-post: ola.hansen@voss.kommune.example';
    expect(participantsFromForm(text.split('\n'))).toEqual([
      { name: 'Kari Nordmann', title: 'kommunalsjef', email: null, phone: null },
      { name: 'Ola Hansen', title: null, email: 'ola.hansen@voss.kommune.example', phone: null },
    ]);
  });
});

describe('table style', () => {
  it('maps cells to a header row', () => {
    const rows = [
      'Navn | Stilling | E-post | Telefon',
      'Kari Nordmann | kommunalsjef | kari.nordmann@voss.kommune.example | 99 88 77 66',
      'Ola Hansen | rådgiver | ola.hansen@voss.kommune.example |',
    ];
    expect(participantsFromTable(rows)).toEqual([kari, ola]);
  });

  it('guesses the cells without a header row, also tab-separated', () => {
    expect(
      participantsFromTable([
        'kari.nordmann@voss.kommune.example\tKari Nordmann\tkommunalsjef\t99 88 77 66',
      ]),
    ).toEqual([kari]);
  });
});

describe('block style', () => {
  it('reads a name line followed by its title, address and phone', () => {
    const text =
      'Kari Nordmann\nKommunalsjef\nkari.nordmann@voss.kommune.example\nTlf: 99 88 77 66\n\nOla Hansen\nrådgiver\nola.hansen@voss.kommune.example';
    expect(participantsFromBlocks(text.split('\n'))).toEqual([
      { ...kari, title: 'Kommunalsjef' },
      ola,
    ]);
  });
});

describe('prose', () => {
  it('«vi melder på kommunalsjef Kari Nordmann (…) og rådgiver Ola Hansen (…)»', () => {
    expect(
      participantsFromProse(
        'Vi melder på kommunalsjef Kari Nordmann (kari.nordmann@voss.kommune.example, 99 88 77 66) og rådgiver Ola Hansen (ola.hansen@voss.kommune.example).',
      ),
    ).toEqual([kari, ola]);
  });

  it('«Kari Nordmann, kommunalsjef, og Ola Hansen, rådgiver, deltar fra oss.»', () => {
    expect(
      participantsFromProse(
        'Kari Nordmann, kommunalsjef, og Ola Hansen, rådgiver, deltar fra oss.',
      ),
    ).toEqual([
      { name: 'Kari Nordmann', title: 'kommunalsjef', email: null, phone: null },
      { name: 'Ola Hansen', title: 'rådgiver', email: null, phone: null },
    ]);
  });

  it('a bare name is enough when it is what is registered', () => {
    expect(participantsFromProse('Vi melder på Kari Nordmann som deltaker.')).toEqual([
      { name: 'Kari Nordmann', title: null, email: null, phone: null },
    ]);
    expect(participantsFromProse('Kari Nordmann lurer på noe.')).toEqual([]);
  });

  it('names under an introduction', () => {
    expect(
      participantsUnderIntro(['Deltakere:', '- Kari Nordmann', '- Ola Hansen', '', 'Mvh']),
    ).toEqual([
      { name: 'Kari Nordmann', title: null, email: null, phone: null },
      { name: 'Ola Hansen', title: null, email: null, phone: null },
    ]);
  });
});

describe('extractParticipants', () => {
  it('merges what several readings find, in the order written', () => {
    const text =
      'Vi melder på:\n\nKari Nordmann, kommunalsjef, kari.nordmann@voss.kommune.example, 99 88 77 66\n\nOla Hansen\nrådgiver\nola.hansen@voss.kommune.example';
    expect(extractParticipants(text)).toEqual([kari, ola]);
  });

  it('never takes the coordinator for a participant', () => {
    expect(extractParticipants('Tor Dølvik, rådgiver, dolvik@transparency.no')).toEqual([]);
  });

  it('mergeParticipants keeps every field found', () => {
    expect(
      mergeParticipants([
        {
          name: 'Kari Nordmann',
          title: null,
          email: 'kari.nordmann@voss.kommune.example',
          phone: null,
        },
        { name: 'Kari Nordmann', title: 'kommunalsjef', email: null, phone: '99 88 77 66' },
      ]),
    ).toEqual([kari]);
  });

  it('reads the sender from a signature', () => {
    expect(
      participantFromSignature(
        'Med vennlig hilsen\nKari Nordmann\nKommunalsjef, Voss kommune\nTlf. 99 88 77 66',
        {
          name: 'Nordmann, Kari',
          address: 'kari.nordmann@voss.kommune.example',
        },
      ),
    ).toEqual({ ...kari, title: 'Kommunalsjef' });
    expect(
      participantFromSignature(null, { name: 'Nordmann, Kari', address: 'kari@x.example' }),
    ).toEqual({
      name: 'Kari Nordmann',
      title: null,
      email: 'kari@x.example',
      phone: null,
    });
  });
});

// Written before the cues that read them: a participant announced by number, in English,
// and «i tillegg til meg» (the sender too).
describe('participants announced in prose', () => {
  it('«Nummer tre blir kommunalsjef for helse Anne Bø»', () => {
    expect(
      participantsFromProse(
        'Nummer tre blir kommunalsjef for helse Anne Bø (anne.bo@vik.kommune.example).',
      ).map((p) => [p.name, p.email]),
    ).toEqual([['Anne Bø', 'anne.bo@vik.kommune.example']]);
  });

  it('«Our third participant will be Tom Ness, Finance Director, …»', () => {
    expect(
      participantsFromProse(
        'Our third participant will be Tom Ness, Finance Director, tom.ness@vik.kommune.example.',
      ).map((p) => [p.name, p.email]),
    ).toEqual([['Tom Ness', 'tom.ness@vik.kommune.example']]);
  });
});
