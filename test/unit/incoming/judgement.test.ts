// The judgement on sentences none of the corpora hold: negation, condition and question
// scope, conflicting cues, and what stays sure. Expectations written before running them.
import { readReply } from '../../../mail/incoming/read';
import { reply } from './helpers';

const read = async (body: string) => {
  const r = await readReply(reply(body));
  return { kind: r.kind, review: r.needsReview };
};

it.each([
  ['Hei\n\nKvinesdal kommune melder seg ikke på denne gangen.\n\nMvh Aud', 'decline', false],
  ['Hei\n\nVi har dessverre ikke kapasitet til å delta i år.\n\nHelsing Aud', 'decline', false],
  [
    'Hei\n\nHvis vi får med økonomisjefen, melder vi oss på. Vi gir beskjed neste uke.\n\nAud',
    'registration',
    true,
  ],
  ['Hei\n\nFør vi melder på noen, hva koster overnattingen?\n\nAud', 'question', false],
  [
    'Hei\n\nVi melder på Aud Hansen, rådgiver, aud.hansen@kvinesdal.kommune.example, men vi kan dessverre ikke delta på første samling.\n\nAud',
    'registration',
    true,
  ],
  [
    'Hei\n\nKvinesdal kommune melder på:\n\nAud Hansen, rådgiver, aud.hansen@kvinesdal.kommune.example\nPål Olsen, økonomisjef, pal.olsen@kvinesdal.kommune.example\n\nRådmannen har godkjent deltakelsen.\n\nMvh Aud',
    'registration',
    false,
  ],
  ['Hei\n\nVi ønsker å delta.\n\nAud', 'registration', true],
  ['Takk for invitasjonen, vi gleder oss!', 'other', false],
  // Written before the rules that read them (decline signed by its sender, another round,
  // one person stepping down, a question beside a decline, a condition on the network).
  [
    'Hei\n\nVi har dessverre ikke anledning i år.\n\nMed vennlig hilsen\nOle Hansen\nrådgiver\nVik kommune',
    'decline',
    false,
  ],
  [
    'Hei\n\nVi melder oss ikke på nå, men send oss gjerne invitasjon neste år.\n\nOle',
    'decline',
    false,
  ],
  [
    'Hei\n\nEg kan dessverre ikkje vere med likevel. I staden melder vi på Kari Holm, rådgjevar (kari.holm@vik.kommune.example).\n\nOle',
    'registration',
    false,
  ],
  [
    'Hei\n\nVi deltar ikke denne gangen. Kan dere sende oss rapporten etterpå?\n\nOle',
    'decline',
    false,
  ],
  ['Hei\n\nVi deltar ikke nå. Er det mulig å bli med i nettverk C senere?\n\nOle', 'decline', true],
  [
    'Hei\n\nVi vurderer å melde på to fra økonomiavdelingen. Hvor mange timer må de sette av mellom samlingene?\n\nOle',
    'question',
    false,
  ],
  [
    'Hei\n\nVi melder på Kari Holm, rådgiver (kari.holm@vik.kommune.example). Helst nettverk B, dersom det blir i Bergen.\n\nOle',
    'registration',
    false,
  ],
])('%j → %s (review %s)', async (body, kind, review) => {
  expect(await read(body)).toEqual({ kind, review });
});

it('states its evidence: the sentence that declined', async () => {
  const r = await readReply(reply('Hei\n\nKvinesdal kommune melder seg ikke på i år.\n\nAud'));
  expect(r.evidence).toContain(
    'negated registration: «Kvinesdal kommune melder seg ikke på i år.»',
  );
});

it('records a thank-you as thanks only', async () => {
  expect((await readReply(reply('Tusen takk! Vi gleder oss.'))).thanksOnly).toBe(true);
  expect((await readReply(reply('Takk. Hva koster det?'))).thanksOnly).toBe(false);
});

// In answer to «we need a few more details» (registration-incomplete): written before the rule.
describe('answers that complete a registration', () => {
  const completing = async (body: string) => {
    const r = await readReply(
      reply(body, {
        Subject: 'SV: Påmeldingen – vi trenger noen flere opplysninger',
        'In-Reply-To': '<nv.ks-ti-2013.4621.registration-incomplete-1@transparency.no>',
      }),
    );
    return {
      kind: r.kind,
      review: r.needsReview,
      participants: r.participants?.map((p) => p.name),
    };
  };

  it('«Ledergruppen stiller seg bak» completes it, nobody added', async () => {
    expect(
      await completing(
        'Hei\n\nLedergruppen gikk gjennom saken i dag og stiller seg bak deltakelsen.\n\nKari',
      ),
    ).toEqual({ kind: 'registration', review: false, participants: [] });
  });

  it('«Det blir bare meg» completes it', async () => {
    expect(await completing('Hei\n\nDet blir bare meg fra Voss denne gangen.\n\nKari')).toEqual({
      kind: 'registration',
      review: false,
      participants: [],
    });
  });

  it('«ikke behandlet ennå, vi kommer tilbake» changes nothing', async () => {
    expect(
      (
        await completing(
          'Hei\n\nSaken er ikke behandlet i ledergruppen ennå. Vi kommer tilbake etter møtet.\n\nKari',
        )
      ).kind,
    ).not.toBe('registration');
  });

  it('a bare name completed by the next sentence about «hun»', async () => {
    expect(
      await completing(
        'Hei\n\nI tillegg blir Siri Vik med. Hun er økonomisjef og har e-post siri.vik@voss.kommune.example.\n\nKari',
      ),
    ).toEqual({ kind: 'registration', review: false, participants: ['Siri Vik'] });
  });
});

// Written before the rules below: sentences none of the corpora hold.
describe('more readings', () => {
  it('«Vi prioriterer ikke dette i år» declines', async () => {
    expect(await read('Hei\n\nVi prioriterer ikke dette i år, dessverre.\n\nAud')).toEqual({
      kind: 'decline',
      review: false,
    });
  });

  it('declining to write the lessons is no withdrawal', async () => {
    const r = await readReply(
      reply('Hei\n\nVi rekker ikke å skrive noe oppsummering nå, det er for travelt.\n\nAud', {
        Subject: 'SV: Erfaringer fra nettverket',
        'In-Reply-To': '<nv.ks-ti-2013.4621.lessons-request-1@transparency.no>',
      }),
    );
    expect(r.kind).toBe('other');
  });

  it('«klarert med rådmannen», «C passer oss best», a capitalised title before the name', async () => {
    const r = await readReply(
      reply(
        'Hei\n\nVi melder på:\n* Kommunalsjef Åse Lie – ase.lie@voss.kommune.example\n\nDet er klarert med rådmannen. C passer oss best.\n\nAud',
      ),
    );
    expect({
      kind: r.kind,
      names: r.participants?.map((p) => p.name),
      anchored: r.anchored,
      network: r.networkPreference,
    }).toEqual({ kind: 'registration', names: ['Åse Lie'], anchored: true, network: 'C' });
  });

  it('a question with an «if» in it asks; it puts no condition on the registration', async () => {
    const r = await readReply(
      reply(
        'Hei\n\nVi melder på Åse Lie, rådgiver, ase.lie@voss.kommune.example. Går det an å bytte henne ut hvis hun slutter?\n\nAud',
      ),
    );
    expect({ kind: r.kind, review: r.needsReview }).toEqual({
      kind: 'registration',
      review: false,
    });
  });
});

// Written before the rule: a question to a colleague by name is their own conversation.
describe('questions put to someone else', () => {
  it('«Kari, kan du sjekke …?» in a mail that reached us is no question to us', async () => {
    const r = await readReply(
      reply('Hei Tor,\n\nVi ser på dette. Kari, kan du sjekke om du har tid i september?\n\nPer'),
    );
    expect({ kind: r.kind, questions: r.questions }).toEqual({ kind: 'other', questions: [] });
  });

  it('the one greeted, asked by name, is asked: a question', async () => {
    const r = await readReply(reply('Hei Tor,\n\nTor, kan du si hva overnattingen koster?\n\nPer'));
    expect(r.kind).toBe('question');
  });
});
