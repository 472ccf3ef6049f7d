// Letters say what the system then does (issue 11): a venue only proposed by the assignment
// is «Sted kommer», a changed date or venue has its own letter, and a municipality left on
// the waiting list hears that the networks are full. Rendered in bokmål and nynorsk.
import type { Gathering, Municipality } from '../../../domain/types';
import {
  loadTemplates,
  renderMail,
  SAMPLE_MUNICIPALITIES,
  sampleContext,
  type MailContext,
  type TemplateName,
} from '../../../mail/outgoing';

const set = loadTemplates();
const nb = SAMPLE_MUNICIPALITIES.bokmal;
const nn = SAMPLE_MUNICIPALITIES.nynorsk;

function render(name: TemplateName, m: Municipality, edit?: (c: MailContext) => void) {
  const ctx = sampleContext(name, { municipality: m, network: 'A' });
  edit?.(ctx);
  const mail = renderMail(set, name, ctx);
  return { ...mail, flat: mail.text.replace(/\s+/g, ' ') };
}

/** Network A with gatherings 2 and 3 at the assignment's proposed venue, not decided. */
function proposedLater(c: MailContext): void {
  const venue = c.network!.gatherings[0].venue;
  c.network = {
    ...c.network!,
    gatherings: c.network!.gatherings.map((g): Gathering =>
      g.number === 1 ? g : { ...g, venue, venueProposed: true },
    ),
  };
}

describe('«Sted kommer» for a venue nobody has decided', () => {
  it.each([
    [nb, 'Sted', 'Sted kommer'],
    [nn, 'Stad', 'Stad kjem'],
  ] as const)('the assignment names only the decided venue (%#)', (m, label, pending) => {
    const mail = render('assignment', m, proposedLater);
    const rows = mail.text.split('\n').filter((l) => l.startsWith(label));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Gardermoen konferansesenter');
    expect(rows[1]).toMatch(new RegExp(`^${label} +${pending}$`));
    expect(rows[2]).toMatch(new RegExp(`^${label} +${pending}$`));
    // Not in the calendar either: the invitation for gathering 2 has no location.
    const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'))!.content;
    expect(ics.match(/^LOCATION:/gm)).toHaveLength(1);
  });

  it.each([
    [nb, 'Sted kommer'],
    [nn, 'Stad kjem'],
  ] as const)('an announcement and a follow-up say it too (%#)', (m, pending) => {
    const second = render('gathering-announcement', m, (c) => {
      proposedLater(c);
      c.gathering = 2;
    });
    expect(second.flat).toContain(pending);
    expect(second.flat).not.toContain('Gardermoen');
    const followup = render('followup-1', m, proposedLater);
    expect(followup.flat).toMatch(new RegExp(`Neste samling: .*2013\\. ${pending}\\.`));
  });

  it('a venue the coordinator decided is named', () => {
    const mail = render('assignment', nb);
    expect(mail.text).toMatch(/Sted +KS, Kommunenes hus/);
    expect(mail.text.match(/Sted +Sted kommer/g)).toHaveLength(1); // only the undated third
  });
});

describe('the change letter', () => {
  it.each([
    [nb, 'Endret dato og sted for andre samling i nettverk A', 'Tidligere sa vi 10. oktober 2013'],
    [nn, 'Endra dato og stad for andre samling i nettverk A', 'Tidlegare sa vi 10. oktober 2013'],
  ] as const)('says what moved, from what, with the calendar file (%#)', (m, subject, before) => {
    const mail = render('gathering-change', m);
    expect(mail.subject).toContain(subject);
    expect(mail.flat).toContain(before);
    expect(mail.flat).toContain('Gardermoen');
    expect(mail.flat).toContain('torsdag 17. oktober 2013');
    expect(mail.flat).toContain('Haakon VIIs gate 9');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['nettverk-a-samling-2.ics']);
  });

  it('names only the date when only the date moved', () => {
    const mail = render('gathering-change', nb, (c) => {
      c.change = { ...c.change!, venue: false };
    });
    expect(mail.subject).toMatch(/^Endret dato for andre samling/);
    expect(mail.flat).toContain('Vi har endret datoen for andre samling');
    const venueOnly = render('gathering-change', nn, (c) => {
      c.change = { ...c.change!, date: false };
    });
    expect(venueOnly.subject).toMatch(/^Endra stad for andre samling/);
    expect(venueOnly.flat).toContain('Vi har endra staden for andre samling');
  });
});

describe('the waiting list at the end', () => {
  it.each([
    [nb, 'Ingen plass i nettverkene denne gangen', 'fikk dessverre ikke plass til dere'],
    [nn, 'Ingen plass i nettverka denne gongen', 'fekk diverre ikkje plass til dykk'],
  ] as const)('tells them there was no place this time (%#)', (m, subject, text) => {
    const mail = render('waiting-list-closing', m);
    expect(mail.subject).toContain(subject);
    expect(mail.flat).toContain(text);
  });
});

describe('a late registration', () => {
  it.each([
    [
      nb,
      'Er det ledig plass i et av nettverkene, får dere plass der',
      'setter vi dere på venteliste',
    ],
    [nn, 'Er det ledig plass i eitt av nettverka, får de plass der', 'set vi dykk på venteliste'],
  ] as const)(
    'is told the rule: a place if there is room, else the waiting list (%#)',
    (m, a, b) => {
      const mail = render('late-registration', m);
      expect(mail.flat).toContain(a);
      expect(mail.flat).toContain(b);
      expect(mail.flat).not.toMatch(/love plass/);
    },
  );
});
