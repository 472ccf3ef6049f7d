// The report in Norwegian (issue 11): flags raised with the old English wordings are shown in
// Norwegian, and the waiting list says who has had the closing letter.
import { funnel, gotWaitingListClosing } from '../../../reporting/data';
import { flagText } from '../../../reporting/flag-text';
import { renderReport } from '../../../reporting/report';
import { reportFixture } from './fixture';

describe('flag messages in the report', () => {
  it.each([
    ['A reply the system could not interpret', 'Et svar systemet ikke kunne tolke'],
    ['Registration received after the deadline', 'Påmelding mottatt etter fristen'],
    [
      'Mail to kari.hansen@stord.kommune.example bounced: 550 5.1.1 User unknown',
      'E-post til kari.hansen@stord.kommune.example kom i retur: 550 5.1.1 User unknown',
    ],
    [
      'Ola Nilsen replaces Kari Berg (gathering 2)',
      'Ola Nilsen kommer i stedet for Kari Berg (samling 2)',
    ],
    [
      'Registered with gaps at the deadline: anchoring',
      'Påmeldt med mangler ved fristen: anchoring',
    ],
    [
      '4 participants registered; 3 is the most wanted',
      '4 deltakere påmeldt; 3 er det høyeste antallet som ønskes',
    ],
    [
      'A reply at stage followup_1 needs a person to read it',
      'Et svar i fasen «oppfølging etter 1. samling» må leses av en person',
    ],
    [
      'Et svar i fasen gathering_2 må leses av en person',
      'Et svar i fasen «på 2. samling» må leses av en person',
    ],
    ['Når får vi vite om det blir plass?', 'Når får vi vite om det blir plass?'],
  ])('%s', (english, norwegian) => {
    expect(flagText(english)).toBe(norwegian);
  });

  it('the open-items table has no English left', () => {
    const html = renderReport(reportFixture());
    const table = html.slice(html.indexOf('<section class="flags">'));
    const section = table.slice(0, table.indexOf('</section>'));
    expect(section).toContain('Påmelding mottatt etter fristen');
    expect(section).not.toMatch(/received|bounced|replaces|deadline|interpret/);
  });
});

describe('the waiting-list closing letter in the report', () => {
  it('counts who got it and says so beside the waiting list', () => {
    const data = reportFixture();
    const waiting = data.journeys.filter((j) => j.stage === 'waiting_list');
    expect(waiting.length).toBeGreaterThan(1);
    const at = '2013-10-01T08:00:00.000Z';
    waiting[0].mails.push({
      step: 'waiting-list-closing-1',
      template: 'waiting-list-closing',
      at,
      status: 'sent',
      recipients: 2,
    });
    // A failed send is not a letter received.
    waiting[1].mails.push({
      step: 'waiting-list-closing-1',
      template: 'waiting-list-closing',
      at,
      status: 'failed',
      recipients: 2,
    });
    expect(gotWaitingListClosing(waiting[0])).toBe(true);
    expect(gotWaitingListClosing(waiting[1])).toBe(false);
    const f = funnel(data);
    expect(f.waitingListClosed).toBe(1);
    const html = renderReport(data);
    expect(html).toContain(`data-waiting-list-closed="1"`);
    expect(html).toContain(
      `1 av ${waiting.length} kommuner på ventelisten har fått beskjed om at det ikke ble plass denne gangen.`,
    );
    expect(html).toContain('fått avslutningsbrev');
  });
});
