import type { Municipality } from '../../../domain/types';
import { subjectToken } from '../../../mail/message-id';
import {
  JOURNEY_TEMPLATES,
  languageFor,
  loadTemplates,
  NOTICE_TEMPLATES,
  renderMail,
  SAMPLE_MUNICIPALITIES,
  sampleContext,
  type MailContext,
  type RenderedMail,
  type TemplateName,
} from '../../../mail/outgoing';

const set = loadTemplates();
const nb = SAMPLE_MUNICIPALITIES.bokmal;
const nn = SAMPLE_MUNICIPALITIES.nynorsk;

function render(
  name: TemplateName,
  municipality: Municipality = nb,
  network = 'A',
  edit?: (c: MailContext) => void,
): RenderedMail {
  const ctx = sampleContext(name, { municipality, network });
  edit?.(ctx);
  return renderMail(set, name, ctx);
}

/** Everything a reader sees: subject and text part. */
function visible(mail: RenderedMail): string {
  return `${mail.subject}\n${mail.text}`;
}

const ALL: [TemplateName, Municipality][] = [
  ...JOURNEY_TEMPLATES.flatMap((n): [TemplateName, Municipality][] => [
    [n, nb],
    [n, nn],
  ]),
  ...NOTICE_TEMPLATES.map((n): [TemplateName, Municipality] => [n, nb]),
];

describe('every template', () => {
  it.each(
    ALL.flatMap(
      ([n, m]) =>
        [
          [n, languageFor(m), 'A', m],
          [n, languageFor(m), 'B', m],
        ] as const,
    ),
  )('%s (%s, network %s) renders without gaps', (name, _language, network, municipality) => {
    const mail = render(name, municipality, network);
    for (const part of [mail.subject, mail.text, mail.html]) {
      expect(part).not.toMatch(/undefined|\[object |\{\{|\}\}|NaN/);
      expect(part).not.toMatch(/[\uE000-\uE003]/);
    }
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.subject).not.toMatch(/\n/);
    expect(mail.text).toMatch(/[æøå]/);
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="n[bn]">/);
    expect(mail.html).toContain('KS og Transparency International Norge');
    expect(mail.text).toContain('Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren');
    // The footer signs with the coordinator's contact details; a notice says where it is from.
    if ((NOTICE_TEMPLATES as readonly string[]).includes(name)) {
      expect(mail.text).toContain('Meldingen er laget automatisk av nettverk');
    } else
      expect(mail.text).toMatch(
        /\n-- \nTor Dølvik\nProsjektleder, Transparency International Norge\nE-post: dolvik@transparency\.no\nTelefon: 22 00 00 00/,
      );
    // Plain text stays within 72 columns, except for what cannot be broken.
    for (const line of mail.text.split('\n')) {
      if ([...line].length > 72) expect(line).toMatch(/https?:\/\/|^\S+$/);
    }
  });

  it('writes HTML that mail clients show: inline styles, tables for layout, no scripts or classes', () => {
    for (const [name, m] of ALL) {
      const { html } = render(name, m);
      expect(html).not.toMatch(/<style|<script|class=|<link|<img/i);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toMatch(/<table role="presentation" width="600"/);
      expect(html.match(/<p style="/g)?.length).toBeGreaterThan(2);
    }
  });

  it('has a subject token on journey mails and none on notices', () => {
    for (const name of JOURNEY_TEMPLATES) {
      expect(render(name).subject.endsWith(` ${subjectToken('ks-ti-2013', '1101')}`)).toBe(true);
    }
    for (const name of NOTICE_TEMPLATES) expect(render(name).subject).not.toContain('[ref.');
  });

  it('signs journey mails «Vennlig hilsen» in bokmål and «Venleg helsing» in nynorsk', () => {
    for (const name of JOURNEY_TEMPLATES) {
      expect(render(name, nb).text).toContain(
        'Vennlig hilsen\nTor Dølvik\nTransparency International Norge',
      );
      expect(render(name, nn).text).toContain(
        'Venleg helsing\nTor Dølvik\nTransparency International Norge',
      );
    }
  });
});

describe('greeting', () => {
  it('names every participant in mails to all of them, the registrant in registration mails', () => {
    expect(render('followup-1').text).toContain('\nHei, Åse Kjærvik og Ole-Martin Sæther!\n');
    expect(render('registration-confirmation').text).toContain('\nHei, Åse Kjærvik!\n');
    expect(render('invitation').text).not.toContain('Hei');
    // The practical information goes only to those who come: nobody is named.
    expect(render('gathering-practical', nn).text).toContain('\nHei!\n');
  });
});

describe('language', () => {
  it('follows the municipality’s målform: nynorsk → nn, bokmål and nøytral → nb', () => {
    expect(languageFor({ languageForm: 'nynorsk' })).toBe('nn');
    expect(languageFor({ languageForm: 'bokmål' })).toBe('nb');
    expect(languageFor({ languageForm: 'nøytral' })).toBe('nb');
    expect(render('invitation', SAMPLE_MUNICIPALITIES.county).html).toContain('<html lang="nb">');
    expect(render('invitation', nn).html).toContain('<html lang="nn">');
  });

  it('writes notices in bokmål whatever the municipality writes', () => {
    const mail = render('notice-question', nn);
    expect(mail.html).toContain('<html lang="nb">');
    expect(mail.text).toContain('Klepp kommune har sendt et spørsmål');
  });

  // Words that give bokmål away, and words only nynorsk has.
  const BOKMAL =
    /\b(ikke|hvordan|hva|hvem|hvilke|også|deltakere|deltakerne|påmeldingen|samlingene|dere|deres|fra|mulig|ønskelig|Vennlig hilsen|ledelse|virksomhet|kommer)\b/;
  const NYNORSK =
    /\b(ikkje|korleis|kva|kven|òg|deltakarar|deltakarane|påmeldinga|samlinga|samlingane|dykk|dykkar|frå|mogleg|ønskjeleg|Venleg helsing|leiinga|verksemd|kjem)\b/;

  it.each(JOURNEY_TEMPLATES.map((n) => [n]))(
    '%s in nynorsk is nynorsk, and in bokmål bokmål',
    (name) => {
      const strip = (m: RenderedMail) =>
        // The project's name and the handbook's title are proper names in bokmål.
        visible(m)
          .replace(/«[^»]*»/g, '')
          .replace(/Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren/g, '');
      const nnText = strip(render(name, nn));
      expect(nnText).toMatch(NYNORSK);
      expect(nnText).not.toMatch(BOKMAL);
      const nbText = strip(render(name, nb));
      expect(nbText).toMatch(BOKMAL);
      expect(nbText).not.toMatch(NYNORSK);
    },
  );
});

describe('the invitation', () => {
  const nbMail = render('invitation');
  const nnMail = render('invitation', nn);

  it('presents the project, the networks and the handbook', () => {
    const t = nbMail.text.replace(/\s+/g, ' ');
    expect(t).toContain('«Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren»');
    expect(t).toContain('Prosjektet er støttet av Kommunal- og regionaldepartementet.');
    expect(t).toContain(
      'lærer deltakerne om korrupsjon, deler erfaringer og diskuterer korrupsjonsrisiko',
    );
    expect(t).toContain('«Beskytt kommunen!»');
    expect(nbMail.html).toContain(
      'href="http://www.ks.no/Portaler/Etikkportalen/Antikorrupsjon/Beskytt-kommunen-handbok-i-antikorrupsjon/"',
    );
  });

  it('has the programme of the three gatherings and how each ends', () => {
    const t = nbMail.text.replace(/\s+/g, ' ');
    expect(t).toContain('Første samling: Risiko og sårbarhet for korrupsjon');
    expect(t).toContain('Andre samling: «Beskytt kommunen» – hvordan få det til i praksis?');
    expect(t).toContain(
      'Tredje samling: Systematisk antikorrupsjonsarbeid i egen kommune/virksomhet',
    );
    expect(t).toContain('Hva er korrupsjon, og hvilke risikosoner finnes i kommuner?');
    expect(t).toContain('verdier, holdninger og kultur');
    expect(t).toContain('rutiner, struktur og kompetanse');
    expect(t).toContain('velger et case fra egen kommune');
    expect(t).toContain('Mål for det videre arbeidet');
    expect(t).toContain('Anbefalinger for et kommunalt antikorrupsjonsprogram');
    expect(t).toContain('kartlegger deltakerne sårbarhet og sikkerhetshull');
    expect(t).toContain('revidere håndboken «Beskytt kommunen!»');
    expect(t).toContain('Første samling går fra lunsj til lunsj, med overnatting.');
  });

  it('has costs, timetable, deadline and what a registration must contain', () => {
    const t = nbMail.text.replace(/\s+/g, ' ');
    expect(t).toContain('Kommunene dekker selv reise og opphold');
    expect(t).toContain('ingen avgift');
    expect(nbMail.text).toMatch(/Nettverk A +18\.–19\. juni 2013 +17\. oktober 2013 +mars 2014/);
    expect(nbMail.text).toMatch(/Nettverk B +september 2013 +november 2013 +mars 2014/);
    expect(t).toContain('Påmeldingsfristen er tirsdag 21. mai 2013.');
    expect(t).toContain('svare på denne e-posten');
    expect(t).toContain(
      'navn, stillingstittel og e-postadresse for hver av de 2–3 deltakerne (gjerne også telefonnummer)',
    );
    expect(t).toContain('forankret i en beslutning i administrativ ledelse');
    expect(t).toContain('hvilket nettverk dere helst vil være med i: A, B eller C');
    expect(t).toContain('fagansvarlige ledere');
    expect(t).toContain('ingen krav om forkunnskaper');
    expect(t).toContain('motivert');
    expect(nbMail.html).toContain('<strong>tirsdag 21. mai 2013</strong>');
  });

  it('says the same in nynorsk', () => {
    const t = nnMail.text.replace(/\s+/g, ' ');
    expect(nnMail.subject).toMatch(/^Invitasjon til å delta i korrupsjonsførebyggjande nettverk/);
    expect(t).toContain('Påmeldingsfristen er tysdag 21. mai 2013.');
    expect(t).toContain('Første samling: Risiko og sårbarheit for korrupsjon');
    expect(t).toContain('Kommunane dekkjer sjølve reise og opphald');
    expect(t).toContain('namn, stillingstittel og e-postadresse for kvar av dei 2–3 deltakarane');
    expect(t).toContain('forankra i ei avgjerd i den administrative leiinga');
    expect(t).toContain('kva nettverk de helst vil vere med i: A, B eller C');
    expect(t).toContain('Det er ikkje krav om forkunnskapar');
    expect(t).toContain('Det er ønskjeleg at kommunen deltek med 2–3 personar');
    expect(t).toContain('Vi håpar Klepp kommune vil vere med!');
  });

  it('addresses a county municipality as one', () => {
    const t = render('invitation', SAMPLE_MUNICIPALITIES.county).text.replace(/\s+/g, ' ');
    expect(t).toContain('Til Møre og Romsdal fylkeskommune');
    expect(t).toContain('Det er ønskelig at fylkeskommunen deltar');
  });
});

describe('registration mails', () => {
  it('reminders count down to the deadline', () => {
    const first = render('registration-reminder');
    expect(first.subject).toMatch(
      /^Påminnelse: påmelding til korrupsjonsforebyggende nettverk innen 21\. mai 2013/,
    );
    expect(first.text).toContain('Vi har ikke fått svar fra dere ennå');
    const second = render('registration-reminder', nb, 'A', (c) => {
      c.reminderNumber = 2;
      c.now = '2013-05-18T08:00:00.000Z';
    });
    expect(second.text.replace(/\s+/g, ' ')).toContain(
      'Påmeldingsfristen er tirsdag 21. mai 2013, om tre dager. Dette er den siste påminnelsen vi sender.',
    );
    const nnSecond = render('registration-reminder', nn, 'A', (c) => {
      c.reminderNumber = 2;
      c.now = '2013-05-20T08:00:00.000Z';
    });
    expect(nnSecond.text.replace(/\s+/g, ' ')).toContain(
      'om ein dag. Dette er den siste påminninga vi sender.',
    );
  });

  it('the confirmation lists the participants back with the network wished for', () => {
    const t = render('registration-confirmation').text.replace(/\s+/g, ' ');
    expect(t).toContain('Vi har registrert to deltakere:');
    expect(t).toContain(
      '- Åse Kjærvik, kommunalsjef, ase.kjaervik@eigersund.kommune.example, tlf. 900 12 345',
    );
    expect(t).toContain(
      '- Ole-Martin Sæther, økonomisjef, ole-martin.saether@eigersund.kommune.example',
    );
    expect(t).toContain('Dere ønsker å delta i nettverk A.');
    expect(t).toContain('forankret i en beslutning i administrativ ledelse');
    const nnT = render('registration-confirmation', nn).text.replace(/\s+/g, ' ');
    expect(nnT).toContain('Vi har registrert to deltakarar:');
    expect(nnT).toContain('Synnøve Bø, kommunalsjef');
    expect(nnT).toContain('De ønskjer å delta i nettverk A.');
  });

  it('the confirmation says when no network was wished for', () => {
    const t = render('registration-confirmation', nb, 'A', (c) => {
      c.networkPreference = null;
    }).text.replace(/\s+/g, ' ');
    expect(t).toContain(
      'Dere har ikke oppgitt hvilket nettverk dere helst vil delta i (A, B eller C).',
    );
  });

  it('asks for exactly what an incomplete registration lacks', () => {
    const t = render('registration-incomplete').text.replace(/\s+/g, ' ');
    expect(t).toContain('Flere deltakere:');
    expect(t).toContain('Foreløpig har vi én deltaker: Åse Kjærvik.');
    expect(t).toContain('Stillingstittel for Åse Kjærvik.');
    expect(t).toContain('Forankring:');
    expect(t).not.toContain('E-postadresse for');
    expect(t).not.toContain('Navn:');

    const onlyEmail = render('registration-incomplete', nb, 'A', (c) => {
      c.participants = [
        { name: 'Åse Kjærvik', title: 'kommunalsjef', email: null, phone: null },
        {
          name: 'Ole-Martin Sæther',
          title: 'økonomisjef',
          email: 'oms@eigersund.kommune.example',
          phone: null,
        },
      ];
      c.missing = ['participant-email'];
    }).text.replace(/\s+/g, ' ');
    expect(onlyEmail).toContain('E-postadresse for Åse Kjærvik');
    expect(onlyEmail).not.toContain('Flere deltakere:');
    expect(onlyEmail).not.toContain('Forankring:');
    expect(onlyEmail).not.toContain('Stillingstittel for');

    const none = render('registration-incomplete', nn, 'A', (c) => {
      c.participants = [];
      c.missing = ['participants', 'anchoring'];
    }).text.replace(/\s+/g, ' ');
    expect(none).toContain('Vi fann ingen deltakarar i svaret.');
    expect(none).toContain('kvar av deltakarane');
    expect(none).toContain('Forankring: ei stadfesting');
  });

  it('accepts more than three participants and says the coordinator will be in touch', () => {
    const t = render('registration-over-limit').text.replace(/\s+/g, ' ');
    expect(render('registration-over-limit').subject).toContain('flere enn tre deltakere');
    expect(t).toContain('med fire deltakere:');
    expect(t).toContain('Per Åmodt');
    expect(t).toContain('Påmeldingen er tatt imot, og Tor Dølvik tar kontakt med dere');
  });

  it('thanks for a decline, closes politely, acknowledges a late registration, places on the waiting list', () => {
    expect(render('decline-thanks').text).toContain('Takk for at dere ga beskjed');
    expect(render('decline-thanks', nn).text).toContain('Takk for at de gav beskjed');
    const closing = render('no-response-closing').text.replace(/\s+/g, ' ');
    expect(closing).toContain('gikk ut tirsdag 21. mai 2013');
    expect(closing).toContain('ingen flere e-poster');
    const late = render('late-registration').text.replace(/\s+/g, ' ');
    expect(late).toContain('Den kom etter påmeldingsfristen tirsdag 21. mai 2013');
    expect(late.replace(/\s+/g, ' ')).toContain(
      'Er alle plassene fylt opp, setter vi dere på venteliste og gir beskjed så snart det blir ledig plass.',
    );
    const waiting = render('waiting-list');
    expect(waiting.text.replace(/\s+/g, ' ')).toContain('står derfor på venteliste, som nummer 3.');
    expect(waiting.html).toContain('<strong>nummer 3</strong>');
    expect(render('waiting-list', nn).text.replace(/\s+/g, ' ')).toContain(
      'står difor på venteliste, som nummer 3.',
    );
  });
});

describe('network and gathering mails', () => {
  it('the assignment names the network and its gatherings with dates or months and venues', () => {
    const mail = render('assignment');
    expect(mail.subject).toMatch(/^Eigersund kommune er med i nettverk A/);
    const t = mail.text;
    expect(t).toContain('Første samling: Risiko og sårbarhet for korrupsjon');
    expect(t).toMatch(
      /Tid +18\.–19\. juni 2013\nSted +Gardermoen konferansesenter, Konferanseveien 1, 2060 Gardermoen/,
    );
    expect(t).toMatch(
      /Tid +17\. oktober 2013, kl\. 10\.00–16\.00\nSted +KS, Kommunenes hus, Haakon VIIs gate 9, 0161 Oslo/,
    );
    expect(t).toMatch(/Tid +mars 2014 \(nøyaktig dato kommer\)\nSted +Sted kommer/);
    expect(t).toContain('Det var også nettverket dere ønsket.');
    const b = render('assignment', nn, 'B').text;
    expect(b).toMatch(/Tid +september 2013 \(nøyaktig dato kjem\)\nStad +Stad kjem/);
    expect(b).not.toContain('kalenderinvitasjon');
  });

  it('the announcement carries that gathering’s programme', () => {
    const t = render('gathering-announcement').text.replace(/\s+/g, ' ');
    expect(t).toContain('Velkommen til første samling i nettverk A!');
    expect(t).toContain('Start tirsdag 18. juni 2013 kl. 11.30, med lunsj');
    expect(t).toContain('Slutt onsdag 19. juni 2013 kl. 13.00, etter lunsj');
    expect(t).toContain('Vurdering av status i egen kommune');
    expect(t).not.toContain('Andre samling:');
    const second = render('gathering-announcement', nn, 'A', (c) => {
      c.gathering = 2;
    }).text.replace(/\s+/g, ' ');
    expect(second).toContain('Andre samling: «Beskytt kommunen» – korleis få det til i praksis?');
    expect(second).toContain('Dato torsdag 17. oktober 2013 Tid kl. 10.00–16.00');
    expect(second).not.toContain('Første samling:');
  });

  it('the attendance request asks about each participant, overnight stay, dinner and diet, and welcomes substitutes', () => {
    const t = render('attendance-request').text.replace(/\s+/g, ' ');
    expect(t).toContain('om deltakeren trenger overnatting (natt til onsdag 19. juni 2013)');
    expect(t).toContain('middagen');
    expect(t).toContain('allergier eller behov for spesialkost');
    expect(t).toContain(
      'Skriv gjerne én linje per deltaker. Disse deltakerne er registrert fra Eigersund kommune:',
    );
    expect(t).toContain('- Åse Kjærvik, kommunalsjef');
    expect(t).toContain('- Ole-Martin Sæther, økonomisjef');
    expect(t).toContain('navn, stillingstittel og e-postadresse for den som kommer');
    const oneDay = render('attendance-request', nn, 'A', (c) => {
      c.gathering = 2;
    }).text.replace(/\s+/g, ' ');
    expect(oneDay).not.toContain('overnatting');
    expect(oneDay).toContain(
      'Desse deltakarane er registrerte frå Klepp kommune: - Synnøve Bø, kommunalsjef',
    );
    expect(oneDay).toContain('eventuelle allergiar eller behov for spesialkost');
    expect(oneDay).toContain('namn, stillingstittel og e-postadresse for den som kjem');
  });

  it('the practical information has date, times, venue address, lunch to lunch and what to bring', () => {
    const t = render('gathering-practical').text.replace(/\s+/g, ' ');
    expect(t).toContain('Start tirsdag 18. juni 2013 kl. 11.30');
    expect(t).toContain('Konferanseveien 1, 2060 Gardermoen');
    expect(t).toContain('Samlingen går fra lunsj til lunsj');
    expect(t).toContain('eksempler og erfaringer fra egen kommune');
    const second = render('gathering-practical', nb, 'A', (c) => {
      c.gathering = 2;
    }).text.replace(/\s+/g, ' ');
    expect(second).toContain('Samlingen varer kl. 10.00–16.00.');
    expect(second).toContain('en kort status for arbeidet siden første samling');
    expect(second).toContain('Haakon VIIs gate 9, 0161 Oslo');
  });

  it('the reminder repeats time and place and asks those who have not answered', () => {
    const t = render('gathering-reminder', nn).text.replace(/\s+/g, ' ');
    expect(t).toContain(
      'Vi minner om første samling i nettverk A, med temaet «Risiko og sårbarheit for korrupsjon».',
    );
    expect(t).toContain('Har de ikkje alt svart på kven som kjem');
  });

  it('a gathering without a date yet says so instead of leaving a gap', () => {
    const t = render('gathering-announcement', nb, 'B').text.replace(/\s+/g, ' ');
    expect(t).toContain('Tidspunkt september 2013 (nøyaktig dato kommer)');
    expect(t).toContain('Sted Sted kommer');
  });
});

describe('between and after the gatherings', () => {
  it('follow-up 1 asks for the mapping of vulnerability and security gaps and the planned activity', () => {
    const t = render('followup-1').text.replace(/\s+/g, ' ');
    expect(t).toContain(
      'Kartlegging av sårbarhet og sikkerhetshull i egen virksomhet, eller i det caset dere valgte',
    );
    expect(t).toContain('Bruk metodene som ble presentert');
    expect(t).toContain('Gjennomfør den planlagte aktiviteten');
    expect(t).toContain(
      'Neste samling: andre samling i nettverk A, 17. oktober 2013, KS, Kommunenes hus',
    );
    const nnT = render('followup-1', nn).text.replace(/\s+/g, ' ');
    expect(nnT).toContain('Kartlegging av sårbarheit og sikkerheitshol');
  });

  it('follow-up 2 asks for concrete activities toward the goals they set', () => {
    const t = render('followup-2').text.replace(/\s+/g, ' ');
    expect(t).toContain(
      'konkrete aktiviteter i egen kommune eller virksomhet som bringer dere nærmere målene dere satte',
    );
    expect(t).toContain(
      'Neste samling: tredje samling i nettverk A, mars 2014. Nøyaktig dato og sted kommer.',
    );
  });

  it('the follow-up reminder repeats the tasks of the gathering just held', () => {
    expect(render('followup-reminder').text).toContain(
      'kartlegging av sårbarhet og sikkerhetshull',
    );
    const after2 = render('followup-reminder', nb, 'A', (c) => {
      c.gathering = 2;
    });
    expect(after2.subject).toMatch(/^Påminnelse: arbeidet fram til tredje samling/);
    expect(after2.text).toContain('konkrete aktiviteter');
  });

  it('the status request asks for a short status before the next gathering', () => {
    const mail = render('status-request');
    expect(mail.subject).toMatch(/^Kort status før andre samling i nettverk A/);
    const t = mail.text.replace(/\s+/g, ' ');
    expect(t).toContain(
      'Før andre samling i nettverk A (17. oktober 2013) ber vi hver deltakerkommune om en kort status.',
    );
    expect(t).toContain('hvordan arbeidet er forankret i kommunen');
    const before3 = render('status-request', nn, 'A', (c) => {
      c.gathering = 2;
    });
    expect(before3.subject).toMatch(/^Kort status før tredje samling/);
    expect(before3.text.replace(/\s+/g, ' ')).toContain(
      'kva aktivitetar de har gjennomført sidan andre samling',
    );
  });

  it('the lessons request asks the four questions, with a date to answer by', () => {
    const t = render('lessons-request').text.replace(/\s+/g, ' ');
    expect(t).toContain('Svar på denne e-posten innen torsdag 24. april 2014');
    expect(t).toContain('1. Hva har fungert godt');
    expect(t).toContain('2. Hvilke metoder og verktøy har dere brukt');
    expect(t).toContain('3. Hva vil dere anbefale å ta med i et kommunalt antikorrupsjonsprogram?');
    expect(t).toContain('4. Hva bør endres eller legges til i håndboken «Beskytt kommunen!»?');
    const reminder = render('lessons-reminder', nn).text.replace(/\s+/g, ' ');
    // The reminder goes out 21 days after the third gathering, the lessons close after 35.
    expect(reminder).toContain('innan torsdag 24. april 2014');
    expect(reminder).toContain(
      '3. Kva vil de tilrå å ta med i eit kommunalt antikorrupsjonsprogram?',
    );
  });

  it('the withdrawal gives the reason', () => {
    const t = render('withdrawal').text.replace(/\s+/g, ' ');
    expect(t).toContain(
      'deltakelsen til Eigersund kommune i nettverkene for korrupsjonsforebygging er avsluttet (nettverk A)',
    );
    expect(t).toContain(
      'Begrunnelse: Kommunen har meldt at den ikke har kapasitet til å delta likevel.',
    );
    expect(render('withdrawal', nn).text).toContain('Grunngjeving:');
  });
});

describe('notices to the coordinator', () => {
  it('quotes a municipality’s question', () => {
    const mail = render('notice-question');
    expect(mail.subject).toBe('Spørsmål fra Eigersund kommune');
    expect(mail.text).toContain(
      '> Kan vi melde på fire deltakere, og kan én av dem komme bare første\n> dag?',
    );
    expect(mail.text).toMatch(/Fra +Åse Kjærvik, ase\.kjaervik@eigersund\.kommune\.example/);
    expect(mail.html).toMatch(/<blockquote[^>]*>Hei!<br><br>Kan vi melde på fire deltakere/);
  });

  it('names the address that bounced', () => {
    const t = render('notice-bounce').text;
    expect(t).toMatch(/Adresse +postmottak@eigersund\.kommune\.example/);
    expect(t).toContain('permanent – adressen virker ikke');
    expect(t).toContain('User unknown');
  });

  it('reports a late registration and a generic flag', () => {
    const late = render('notice-late-registration').text;
    expect(late).toContain(
      'Eigersund kommune har meldt seg på etter fristen (tirsdag 21. mai 2013)',
    );
    expect(late).toContain('Ole-Martin Sæther');
    expect(late).toMatch(/Ønsket nettverk +A/);
    const flag = render('notice-flag');
    expect(flag.subject).toBe('Uklart svar: Eigersund kommune');
    expect(flag.text).toContain(
      '> Svaret kunne ikke tolkes som påmelding, avmelding eller spørsmål.',
    );
    expect(flag.text).toContain('flag-1101-4');
  });
});

describe('escaping', () => {
  const evil = '<script>alert(1)</script>';
  const mail = render('registration-confirmation', nb, 'A', (c) => {
    c.participants = [
      {
        name: evil,
        title: '**fet** & [lenke](javascript:alert(1))',
        email: 'x@y.example',
        phone: null,
      },
      ...c.participants,
    ];
  });

  it('shows a participant named <script> as text in HTML', () => {
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('**fet** &amp; [lenke](javascript:alert(1))');
    expect(mail.html).not.toContain('href="javascript');
  });

  it('keeps it raw in the text part', () => {
    expect(mail.text.replace(/\s+/g, ' ')).toContain(
      `- ${evil}, **fet** & [lenke](javascript:alert(1)), x@y.example`,
    );
  });

  it('keeps line breaks out of the subject', () => {
    const m = render('assignment', { ...nb, name: 'Evil\r\nBcc: x@y.example' });
    expect(m.subject).toMatch(/^Evil Bcc: x@y\.example kommune er med i nettverk A/);
  });
});

describe('snapshots', () => {
  it('invitation in bokmål, text part', () => {
    expect(render('invitation').text).toMatchSnapshot();
  });
  it('registration confirmation in nynorsk, text and HTML', () => {
    const mail = render('registration-confirmation', nn);
    expect(mail.text).toMatchSnapshot();
    expect(mail.html).toMatchSnapshot();
  });
});
