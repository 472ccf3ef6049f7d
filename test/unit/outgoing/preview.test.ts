import {
  checkTemplates,
  loadTemplates,
  previewMail,
  SAMPLE_MUNICIPALITIES,
  sampleContext,
} from '../../../mail/outgoing';

const set = loadTemplates();

describe('preview', () => {
  it('shows headers and the text part for the terminal', () => {
    const p = previewMail('gathering-announcement', sampleContext('gathering-announcement'), set);
    expect(p.language).toBe('nb');
    expect(p.terminal).toMatch(/^Mal: +gathering-announcement \(nb\)\n/);
    expect(p.terminal).toContain(
      'Fra:      Tor Dølvik, Transparency International Norge <dolvik@transparency.no>',
    );
    expect(p.terminal).toContain(
      'Emne:     Første samling i nettverk A: 18.–19. juni 2013 [ref. ks-ti-2013/1101]',
    );
    expect(p.terminal).toMatch(/Vedlegg: +nettverk-a-samling-1\.ics \(text\/calendar, \d+ byte\)/);
    expect(p.terminal).toContain(p.mail.text);
  });

  it('builds a standalone HTML page with the mail, its text part and attachments', () => {
    const p = previewMail(
      'attendance-request',
      sampleContext('attendance-request', { language: 'nn' }),
      set,
    );
    expect(p.language).toBe('nn');
    expect(p.html).toMatch(/^<!DOCTYPE html>\n<html lang="nn">/);
    expect(p.html).toContain('<iframe title="HTML" srcdoc="&lt;!DOCTYPE html&gt;');
    expect(p.html).toContain('Kven kjem på første samling?');
    expect(p.html).toContain('BEGIN:VCALENDAR');
    expect(p.html).not.toMatch(/<script/i);
  });

  it('writes a notice to the coordinator', () => {
    const p = previewMail('notice-question', sampleContext('notice-question'), set);
    expect(p.terminal).toContain('Til:      dolvik@transparency.no');
  });
});

describe('samples', () => {
  it('overrides the language and the municipality', () => {
    const ctx = sampleContext('invitation', {
      municipality: SAMPLE_MUNICIPALITIES.county,
      language: 'nn',
    });
    expect(ctx.municipality.name).toBe('Møre og Romsdal fylkeskommune');
    expect(ctx.municipality.languageForm).toBe('nynorsk');
    expect(ctx.municipality.email).toMatch(/\.example$/);
  });

  it('uses only reserved .example addresses', () => {
    const json = JSON.stringify(
      ['registration-over-limit', 'notice-bounce', 'invitation'].map((n) =>
        sampleContext(n as 'invitation'),
      ),
    );
    for (const [, domain] of json.matchAll(/[\w.-]+@([\w.-]+)/g)) {
      expect(domain === 'transparency.no' || domain.endsWith('.example')).toBe(true);
    }
  });

  it('render every template in every language without a problem', () => {
    expect(checkTemplates(set)).toEqual([]);
  });
});
