import { trimReply, visibleReply } from '../../../mail/incoming/trim';
import { isClosing, splitSignature } from '../../../mail/incoming/trim-signature';
import { isAttribution, isMobileFooter, isSeparator } from '../../../mail/incoming/trim-vocabulary';

const INVITE =
  'KS og Transparency International Norge har gleden av å invitere kommuner.\n\nPåmeldingsfrist: 21. mai 2013';

describe('Norwegian quote headers', () => {
  it('Outlook «Fra: … Sendt: … Til: … Emne:»', () => {
    const r = trimReply(
      `Vi melder på Kari.\n\nFra: Tor Dølvik [mailto:dolvik@transparency.no]\nSendt: 14. mai 2013 09:12\nTil: Postmottak\nEmne: Invitasjon\n\n${INVITE}`,
    );
    expect(r.visible).toBe('Vi melder på Kari.');
    expect(r.cutBy).toBe('header');
    expect(r.quoted).toContain('Påmeldingsfrist');
  });

  it('Outlook with bold markers and a rule above («*Fra:*»)', () => {
    expect(
      visibleReply(
        `Ja takk.\n\n________________________________\n*Fra:* Tor Dølvik\n*Sendt:* 14. mai 2013\n*Til:* Postmottak\n*Emne:* Invitasjon\n\n${INVITE}`,
      ),
    ).toBe('Ja takk.');
  });

  it('«-----Opprinnelig melding-----»', () => {
    expect(
      visibleReply(
        `Ja takk.\n\n-----Opprinnelig melding-----\nFra: Tor\nSendt: 14. mai 2013\n\n${INVITE}`,
      ),
    ).toBe('Ja takk.');
  });

  it('new Outlook «Fra: … Dato: torsdag, 28. oktober 2021 kl. 12:46»', () => {
    expect(
      visibleReply(
        `Vi kommer.\n\nFra: Tor Dølvik <dolvik@transparency.no>\nDato: torsdag, 28. oktober 2021 kl. 12:46\nTil: Kari <kari@voss.kommune.example>\nEmne: Samling\n\n${INVITE}`,
      ),
    ).toBe('Vi kommer.');
  });

  it('nynorsk Outlook «Frå: … Sendt: … Til: … Emne:»', () => {
    expect(
      visibleReply(
        `Vi kjem.\n\nFrå: Tor Dølvik\nSendt: tysdag 14. mai 2013 09:12\nTil: Postmottak\nEmne: Invitasjon\n\n${INVITE}`,
      ),
    ).toBe('Vi kjem.');
  });

  it('Gmail «tir. 18. apr. 2017 kl. 13:09 skrev Navn <adresse>:», the «>:» wrapped', () => {
    const r = trimReply(
      `Vi melder på.\n\ntir. 18. apr. 2017 kl. 13:09 skrev Tor Dølvik <dolvik@transparency.no\n>:\n\n> ${INVITE.replace(/\n/g, '\n> ')}`,
    );
    expect(r.visible).toBe('Vi melder på.');
    expect(r.cutBy).toBe('attribution');
  });

  it('Gmail nynorsk «skreiv»', () => {
    expect(
      visibleReply(
        `Vi er med.\n\ntys. 14. mai 2013 kl. 09:12 skreiv Tor Dølvik <dolvik@transparency.no>:\n\n> Invitasjon`,
      ),
    ).toBe('Vi er med.');
  });

  it('Apple Mail «Den 15. jun. 2016 kl. 20.42 skrev …:» after «Sendt fra min iPad»', () => {
    const r = trimReply(
      `Takk!\n\nSendt fra min iPad\n\nDen 15. jun. 2016 kl. 20.42 skrev Tor Dølvik <dolvik@transparency.no>:\n\n> Invitasjon`,
    );
    expect(r.visible).toBe('Takk!');
    expect(r.cutBy).toBe('footer');
  });

  it('Thunderbird «Den DATO, skrev Navn:» and «-------- Opprinnelig melding --------»', () => {
    expect(
      visibleReply(`Vi er med.\n\nDen 14.05.2013 09:12, skrev Tor Dølvik:\n> Invitasjon`),
    ).toBe('Vi er med.');
    expect(
      visibleReply(
        `Vi er med.\n\n-------- Opprinnelig melding --------\nEmne: Invitasjon\nDato: 14.05.2013 09:12\nFra: Tor\n\n${INVITE}`,
      ),
    ).toBe('Vi er med.');
  });

  it('forwards «Videresendt melding:» and Gmail «---------- Videresendt melding ---------»', () => {
    const apple = trimReply(
      `Se under.\n\nStart på videresendt melding:\n\nFra: Kari\nEmne: Påmelding\nDato: 15. mai 2013\nTil: Postmottak\n\nVi melder på Ola.`,
    );
    expect(apple.visible).toBe('Se under.');
    expect(apple.cutBy).toBe('forward');
    const gmail = trimReply(
      `Se under.\n\n---------- Videresendt melding ---------\nFra: Kari <kari@x.example>\nDato: 15. mai 2013 kl. 14:02\nEmne: Påmelding\nTil: Postmottak\n\nVi melder på Ola.`,
    );
    expect(gmail.visible).toBe('Se under.');
    expect(gmail.cutBy).toBe('forward');
  });

  it('a bare forward keeps the forwarded text', () => {
    expect(
      visibleReply(
        `---------- Videresendt melding ---------\nFra: Kari <kari@x.example>\nDato: 15. mai 2013\nEmne: Påmelding\nTil: Postmottak\n\nVi melder på Ola.`,
      ),
    ).toBe('Vi melder på Ola.');
  });

  it('Samsung «-------- Opprinnelig melding --------» with a «(GMT+01:00)» date', () => {
    expect(
      visibleReply(
        'Vi kommer.\n\n\n-------- Opprinnelig melding --------\nFra: Tor Dølvik <dolvik@transparency.no>\nDato: 14.05.2013 09:12 (GMT+01:00)\nTil: Postmottak\nEmne: Invitasjon\n\nInvitasjon',
      ),
    ).toBe('Vi kommer.');
  });

  it('mobile footers: «Sendt fra min iPhone», «Hent Outlook for iOS», «Sendt fra E-post for Windows»', () => {
    expect(visibleReply('Ja.\n\nSendt fra min iPhone\n\n> gammelt')).toBe('Ja.');
    expect(
      visibleReply(
        'Ja.\n\nHent Outlook for iOS<https://aka.ms/o0ukef>\n________________________________\nFra: Tor\nSendt: i dag\nTil: oss\nEmne: x',
      ),
    ).toBe('Ja.');
    expect(visibleReply('Ja.\n\nSendt fra E-post for Windows 10')).toBe('Ja.');
    expect(visibleReply('Ja.\n\nSendt fra min Samsung Galaxy-smarttelefon.')).toBe('Ja.');
  });
});

describe('other languages', () => {
  it.each([
    ['On Tue, May 14, 2013 at 9:12 AM, Tor Dølvik <dolvik@transparency.no> wrote:'],
    ['Le 14 mai 2013 à 09:12, Tor Dølvik <dolvik@transparency.no> a écrit :'],
    ['Am 14.05.2013 um 09:12 schrieb Tor Dølvik <dolvik@transparency.no>:'],
    ['Op 14 mei 2013 om 09:12 heeft Tor Dølvik <dolvik@transparency.no> het volgende geschreven:'],
    ['El 14 may 2013, a las 9:12, Tor Dølvik escribió:'],
    ['Il giorno 14 maggio 2013, Tor Dølvik <dolvik@transparency.no> ha scritto:'],
    ['Den 14 maj 2013 kl. 09:12 skrev Tor Dølvik <dolvik@transparency.no>:'],
    ['2013-05-14 9:12 GMT+02:00 Tor Dølvik <dolvik@transparency.no>:'],
    ['Tor Dølvik <dolvik@transparency.no> skrev 14.05.2013 09:12:'],
    ['Den tirsdag 14. mai 2013 kl. 09:12 skrev Tor Dølvik <dolvik@transparency.no>:'],
  ])('%s', (attribution) => {
    expect(isAttribution(attribution)).toBe(true);
    expect(visibleReply(`Svar.\n\n${attribution}\n\n> Invitasjon`)).toBe('Svar.');
  });

  it('English and German Outlook headers and separators', () => {
    expect(
      visibleReply(
        'Yes.\n\n-----Original Message-----\nFrom: Tor\nSent: Tuesday\nTo: us\nSubject: x\n\nold',
      ),
    ).toBe('Yes.');
    expect(
      visibleReply(
        'Ja.\n\nVon: Tor\nGesendet: Dienstag, 14. Mai 2013 09:12\nAn: uns\nBetreff: x\n\nalt',
      ),
    ).toBe('Ja.');
    expect(isSeparator('-----Ursprüngliche Nachricht-----')).toBe(true);
    expect(isSeparator("-------- Message d'origine --------")).toBe(true);
  });

  it('does not take ordinary sentences for attributions', () => {
    expect(isAttribution('Den 18. juni passer fint for oss.')).toBe(false);
    expect(isAttribution('Vi skrev dette i mars.')).toBe(false);
    expect(
      isAttribution('Kari Nordmann, kommunalsjef, kari@voss.kommune.example, 99 88 77 66'),
    ).toBe(false);
    expect(
      isMobileFooter('Sendt fra Voss kommune sitt kontor i går, med beste ønsker om en fin sommer'),
    ).toBe(false);
  });
});

describe('quotes', () => {
  it('keeps an inline reply below a quote, drops the quote history at the end', () => {
    expect(
      visibleReply(
        '> Kan dere delta?\n\nJa, vi kan.\n\n> Hvem kommer?\n\nKari og Ola.\n\n> gammel hale',
      ),
    ).toBe('> Kan dere delta?\n\nJa, vi kan.\n\n> Hvem kommer?\n\nKari og Ola.');
  });

  it('bottom-posting: the reply under a quoted attribution is the reply', () => {
    expect(
      visibleReply(
        'Den 14.05.2013 09:12, skrev Tor Dølvik:\n> Kan dere delta?\n\nJa, vi melder på Kari.',
      ),
    ).toBe('Ja, vi melder på Kari.');
  });

  it('a reply that is only a quote stays a quote', () => {
    expect(visibleReply('> bare sitat')).toBe('> bare sitat');
  });

  it('is fast on deeply nested quotes', () => {
    const nested = Array.from(
      { length: 300 },
      (_, i) =>
        `${'>'.repeat(i)} On Thu, Apr 30, 2020 at 10:07 AM, "x" <x@example.com> wrote:\n${'>'.repeat(i + 1)}`,
    ).join('\n');
    const t0 = Date.now();
    trimReply(`Svar.\n\n${nested}`);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});

describe('signatures and closings', () => {
  it('cuts at the «-- » delimiter', () => {
    const r = trimReply('Vi kommer.\n\n-- \nKari Nordmann\nKommunalsjef');
    expect(r.visible).toBe('Vi kommer.');
    expect(r.cutBy).toBe('signature');
  });

  it.each([
    'Med vennlig hilsen',
    'Mvh',
    'Mvh.',
    'Venleg helsing',
    'Beste hilsen',
    'Vennlig hilsen',
    'Helsing',
    'Hilsen',
    'Med venleg helsing',
    'Best regards',
  ])('splits off «%s» and the signature under it', (closing) => {
    const r = trimReply(
      `Vi melder oss på.\n\n${closing}\nKari Nordmann\nKommunalsjef, Voss kommune\nTlf. 56 51 94 10`,
    );
    expect(r.visible).toContain(closing);
    expect(r.text).toBe('Vi melder oss på.');
    expect(r.signature).toBe(
      `${closing}\nKari Nordmann\nKommunalsjef, Voss kommune\nTlf. 56 51 94 10`,
    );
  });

  it('splits a closing with the name on the same line', () => {
    expect(trimReply('Ja takk.\n\nMvh Kari').text).toBe('Ja takk.');
  });

  it('never cuts a list of participants written under a closing', () => {
    const body =
      'Hei,\n\nMed vennlig hilsen fra Voss, her er våre deltakere:\nKari Nordmann, kommunalsjef, kari@voss.kommune.example\nOla Hansen, rådgiver, ola@voss.kommune.example';
    expect(trimReply(body).text).toBe(body);
    const form = 'Vi melder på.\n\nHilsen\nNavn: Kari Nordmann\nStilling: kommunalsjef';
    expect(trimReply(form).text).toBe(form);
  });

  it('keeps a postscript question under the closing', () => {
    const body = 'Vi melder på Kari.\n\nMvh\nOla\n\nPS: Når kommer programmet?';
    expect(trimReply(body).text).toBe(body);
  });

  it('takes a trailing block that starts with the sender’s name for a signature', () => {
    const r = trimReply(
      'Vi melder på Ola Hansen, rådgiver, ola@voss.kommune.example.\n\nKari Nordmann\nKommunalsjef\nVoss kommune',
      {
        senderName: 'Kari Nordmann',
      },
    );
    expect(r.text).toBe('Vi melder på Ola Hansen, rådgiver, ola@voss.kommune.example.');
    expect(r.signature).toBe('Kari Nordmann\nKommunalsjef\nVoss kommune');
  });

  it('does not take the sender’s own participant block for a signature', () => {
    const body =
      'Vi melder på:\n\nKari Nordmann\nKommunalsjef\n\nDeltakelsen er ikke forankret ennå, men kommer etter neste ledermøte.';
    expect(trimReply(body, { senderName: 'Kari Nordmann' }).text).toBe(body);
  });

  it('knows a closing when it sees one', () => {
    expect(isClosing('Med vennlig hilsen')).toBe(true);
    expect(isClosing('Venleg helsing frå Voss')).toBe(true);
    expect(
      isClosing(
        'Hilsen fra alle oss i Voss kommune som gleder oss veldig til å være med i nettverket',
      ),
    ).toBe(false);
    expect(isClosing('Vi melder på')).toBe(false);
  });

  it('splitSignature leaves a text without closing alone', () => {
    expect(splitSignature(['Bare tekst', 'over to linjer'])).toEqual({
      body: ['Bare tekst', 'over to linjer'],
      signature: [],
    });
  });
});

describe('edge cases', () => {
  it('handles empty input, CRLF and invisible characters', () => {
    expect(trimReply('').visible).toBe('');
    expect(visibleReply('Ja\r\ntakk\r\n')).toBe('Ja\ntakk');
    expect(visibleReply('Ja\u200b takk\u00a0!')).toBe('Ja takk !');
  });

  it('keeps section rules inside the reply', () => {
    expect(
      visibleReply(
        'Deltakere\n---------\nKari Nordmann, kommunalsjef, kari@voss.kommune.example\nOla Hansen, rådgiver, ola@voss.kommune.example',
      ),
    ).toBe(
      'Deltakere\n---------\nKari Nordmann, kommunalsjef, kari@voss.kommune.example\nOla Hansen, rådgiver, ola@voss.kommune.example',
    );
  });

  it('does not cut a registration form at «Dato:» or similar single header-like lines', () => {
    const body =
      'Påmelding\nNavn: Kari Nordmann\nStilling: kommunalsjef\nDato: 14. mai 2013\nTil: nettverk A';
    expect(visibleReply(body)).toBe(body);
  });
});
