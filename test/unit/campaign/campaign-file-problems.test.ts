import { CampaignFileError } from '../../../domain/campaign/errors';
import { parseCampaign } from '../../../domain/campaign/parse';
import { FILE, edit, expectOneProblem, position, problemsOf } from './campaign-text';

describe('problems in the campaign file, each with file:line:column', () => {
  it('reports a bad gathering date in the documented format', () => {
    const text = edit('- date: 2013-09', '- date: 2013-13-01', '- id: B');
    const { line, column } = position(text, '2013-13-01');
    expect(() => parseCampaign(text, FILE)).toThrow(
      `${FILE}:${line}:${column}  networks[1].gatherings[0].date: "2013-13-01" is not a date (YYYY-MM-DD) or month (YYYY-MM)`,
    );
  });

  it('deadline not after the invitation', () => {
    const text = edit('registrationDeadline: 2013-05-21', 'registrationDeadline: 2013-04-20');
    expectOneProblem(text, {
      at: '2013-04-20',
      path: 'schedule.registrationDeadline',
      message: '2013-04-20 is not after the invitation (2013-04-23 09:00)',
    });
  });

  it('a reminder that would go out before the invitation', () => {
    const text = edit('[7d, 2d]', '[30d, 2d]');
    expectOneProblem(text, {
      at: '30d',
      path: 'schedule.registrationReminders[0]',
      message: '30d before the deadline is not after the invitation goes out (2013-04-23 09:00)',
    });
  });

  it('the same reminder twice, however it is spelt', () => {
    const text = edit('[7d, 2d]', '[7d, 1w]');
    expectOneProblem(text, {
      at: '1w',
      path: 'schedule.registrationReminders[1]',
      message: '1w is listed twice',
    });
  });

  it('gatherings out of order within a network', () => {
    const text = edit('- date: 2013-11', '- date: 2013-08', '- id: C');
    expectOneProblem(text, {
      at: '2013-08',
      path: 'networks[2].gatherings[1].date',
      message:
        '2013-08 is before gathering 1 (2013-09): list gatherings in the order they take place',
    });
  });

  it('a gathering that starts before the previous one ends', () => {
    const text = edit('- date: 2013-10', '- date: 2013-06-19');
    expectOneProblem(text, {
      at: '2013-06-19',
      path: 'networks[0].gatherings[1].date',
      message: 'gathering 2 starts (2013-06-19 10:00) before gathering 1 ends (2013-06-19 13:30)',
    });
  });

  it('a first gathering before the registration deadline', () => {
    const text = edit('- date: 2013-06-18', '- date: 2013-05-14');
    expectOneProblem(text, {
      at: '2013-05-14',
      path: 'networks[0].gatherings[0].date',
      message:
        'the first gathering of network A (2013-05-14) is not after the registration deadline (2013-05-21)',
    });
  });

  it('a venue id that is not among the candidates', () => {
    const text = edit('venue: null', 'venue: lillehammer', '- id: B');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ...position(text, 'lillehammer'),
      path: 'networks[1].gatherings[0].venue',
    });
    expect(problems[0].message).toMatch(
      /^"lillehammer" is not one of the candidate venues \(oslo, /,
    );
  });

  it('duplicate network ids', () => {
    const text = edit('- id: C', '- id: B');
    expectOneProblem(text, {
      at: 'B # starter i september',
      // The id that was C's: the one after network B's block (whose second gathering is 2013-11).
      anchor: '- date: 2013-11\n      - date: 2014-03\n\n',
      path: 'networks[2].id',
      message: 'network "B" is already defined at networks[1]',
    });
  });

  it('duplicate venue ids', () => {
    const text = edit('- id: hamar', '- id: oslo');
    expectOneProblem(text, {
      at: 'oslo\n    name: Hamar',
      path: 'venues[2].id',
      message: 'venue "oslo" is already defined at venues[0]',
    });
  });

  it('capacity and participants with min above max', () => {
    const text = edit(
      'participantsPerMunicipality: { min: 2, max: 3 }',
      'participantsPerMunicipality: { min: 4, max: 3 }',
      '',
      edit('capacity: { min: 20, max: 30 }', 'capacity: { min: 35, max: 30 }', '- id: B'),
    );
    expect(problemsOf(text)).toEqual([
      {
        ...position(text, '4, max: 3'),
        path: 'participantsPerMunicipality.min',
        message: '4 participants is more than max (3)',
      },
      {
        ...position(text, '35, max'),
        path: 'networks[1].capacity.min',
        message: '35 participants is more than max (30)',
      },
    ]);
  });

  it('not exactly three gatherings', () => {
    const text = edit('      - date: 2014-03\n', '', '- id: C');
    expectOneProblem(text, {
      at: '- date: 2013-09',
      anchor: '- id: C',
      path: 'networks[2].gatherings',
      message: 'a network has exactly 3 gatherings, found 2',
    });
  });

  it('addresses that are not email addresses', () => {
    const text = edit('replyTo: dolvik@transparency.no', 'replyTo: Tor Dølvik');
    expectOneProblem(text, {
      at: 'Tor Dølvik\n',
      path: 'replyTo',
      message: '"Tor Dølvik" is not an email address',
    });
  });

  it('a duration that does not read', () => {
    const text = edit('practicalInfoBefore: 3d', 'practicalInfoBefore: 3 dager');
    expectOneProblem(text, {
      at: '3 dager',
      path: 'schedule.practicalInfoBefore',
      message: '"3 dager" is not a duration such as 7d, 36h, 90m or 2w',
    });
  });

  it('an invitation time that does not read', () => {
    const text = edit('invitation: 2013-04-23 09:00', 'invitation: 23.04.2013 kl. 9');
    expectOneProblem(text, {
      at: '23.04.2013',
      path: 'schedule.invitation',
      message: '"23.04.2013 kl. 9" is not an Oslo date and time (YYYY-MM-DD HH:MM)',
    });
  });

  it('an unknown field, with the likely intended one', () => {
    const text = edit('lunchToLunch: true', 'lunchtolunch: true', '- id: A');
    expectOneProblem(text, {
      at: 'lunchtolunch',
      path: 'networks[0].gatherings[0].lunchtolunch',
      message: 'unknown field (did you mean "lunchToLunch"?)',
    });
  });

  it('a missing field, reported where it belongs', () => {
    const text = edit('title: Korrupsjonsforebyggende nettverk 2013–2014\n', '');
    // At the mapping that lacks it: the top level, which begins with `id:`.
    expectOneProblem(text, {
      at: 'id: ks-ti-2013',
      path: 'title',
      message: 'is missing (expected a title)',
    });
  });

  it('a campaign id that is not a slug', () => {
    const text = edit('id: ks-ti-2013', 'id: KS TI 2013');
    expectOneProblem(text, {
      at: 'KS TI 2013',
      path: 'id',
      message: '"KS TI 2013" is not a slug (lower-case letters, digits and hyphens)',
    });
  });

  it('a coordinate written with a decimal comma', () => {
    const text = edit('lat: 67.2804', 'lat: 67,2804');
    expectOneProblem(text, {
      at: '67,2804',
      path: 'venues[8].lat',
      message: '"67,2804" uses a decimal comma: write 67.2804',
    });
  });

  it('a one-day gathering that ends before it starts', () => {
    const text = edit('- date: 2013-10\n', '- date: 2013-10\n        starts: "17:00"\n');
    expectOneProblem(text, {
      at: 'date: 2013-10',
      path: 'networks[0].gatherings[1].ends',
      message: 'a one-day gathering must end (16:00) after it starts (17:00)',
    });
  });

  it('broken YAML, with the place the parser stopped', () => {
    const text = edit('registrationReminders: [7d, 2d]', 'registrationReminders: [7d, 2d');
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems[0].path).toBe('');
    expect(problems[0].message).toMatch(/^YAML: /);
    expect(problems[0].line).toBeGreaterThanOrEqual(position(text, '[7d, 2d').line);
  });

  it('an empty file', () => {
    expect(problemsOf('# nothing yet\n')).toEqual([
      { line: 1, column: 1, path: '', message: 'the file is empty' },
    ]);
  });

  it('collects every problem into one error, sorted by line, one per message line', () => {
    let text = edit('address: dolvik@transparency.no', 'address: dolvik(at)transparency.no');
    text = edit('- date: 2013-09', '- date: 2013-13-01', '- id: B', text);
    text = edit('- id: C', '- id: B', '', text);
    text = edit('venue: null', 'venue: bodoe\n        lunchtolunch: true', '- id: A', text);
    text = edit('lat: 67.2804', 'lat: "67,2804"', '', text);
    let error: unknown;
    try {
      parseCampaign(text, 'campaigns/x.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CampaignFileError);
    const { problems, fileName, message } = error as CampaignFileError;
    expect(fileName).toBe('campaigns/x.yaml');
    expect(problems.map((p) => p.path)).toEqual([
      'sender.address',
      'networks[0].gatherings[0].venue',
      'networks[0].gatherings[0].lunchtolunch',
      'networks[1].gatherings[0].date',
      'networks[2].id',
      'venues[8].lat',
    ]);
    const lines = message.split('\n');
    expect(lines[0]).toBe('Campaign file campaigns/x.yaml has 6 problems:');
    expect(lines.slice(1)).toHaveLength(6);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^ {2}campaigns\/x\.yaml:\d+:\d+ {2}\S/);
  });
});
