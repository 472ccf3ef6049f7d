import { loadCampaignFile } from '../../../platform/files/campaign-file';
import { parseCampaign } from '../../../domain/campaign/parse';
import { DAY_MS } from '../../../domain/time';
import { FILE, SHIPPED, SHIPPED_PATH, edit } from './campaign-text';

describe('the shipped 2013 campaign', () => {
  const campaign = parseCampaign(SHIPPED, FILE);

  it('names the project, its sponsor, sender and contact', () => {
    expect(campaign.id).toBe('ks-ti-2013');
    expect(campaign.project).toBe('Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren');
    expect(campaign.supportedBy).toBe('Kommunal- og regionaldepartementet');
    expect(campaign.sender).toEqual({
      name: 'Tor Dølvik, Transparency International Norge',
      address: 'dolvik@transparency.no',
    });
    expect(campaign.replyTo).toBe('dolvik@transparency.no');
    expect(campaign.contact).toMatchObject({
      name: 'Tor Dølvik',
      organisation: 'Transparency International Norge',
      email: 'dolvik@transparency.no',
      phone: null,
    });
    expect(campaign.handbook).toEqual({
      title: 'Beskytt kommunen!',
      url: 'http://www.ks.no/Portaler/Etikkportalen/Antikorrupsjon/Beskytt-kommunen-handbok-i-antikorrupsjon/',
    });
    expect(campaign.participantsPerMunicipality).toEqual({ min: 2, max: 3 });
  });

  it('sends invitations 23 April 09:00 CEST and closes registration at the end of 21 May', () => {
    expect(campaign.schedule.invitationAt).toBe('2013-04-23T07:00:00.000Z');
    expect(campaign.schedule.registrationDeadline).toBe('2013-05-21T21:59:59.000Z');
    expect(campaign.schedule.registrationReminders).toEqual([7 * DAY_MS, 2 * DAY_MS]);
    expect(campaign.schedule).toMatchObject({
      attendanceRequestBefore: 28 * DAY_MS,
      attendanceReminderBefore: 14 * DAY_MS,
      practicalInfoBefore: 3 * DAY_MS,
      followUpAfter: 2 * DAY_MS,
      followUpReminderAfter: 35 * DAY_MS,
      statusRequestBefore: 21 * DAY_MS,
      lessonsRequestAfter: 3 * DAY_MS,
      lessonsReminderAfter: 17 * DAY_MS,
      lessonsCloseAfter: 42 * DAY_MS,
    });
  });

  it('runs on the real calendar: the clock is the identity from the invitation', () => {
    expect(campaign.clock).toEqual({
      origin: '2013-04-23T07:00:00.000Z',
      start: '2013-04-23T07:00:00.000Z',
      factor: 1,
    });
  });

  it('has networks A, B and C of 20–30 participants with the timetable of the letter', () => {
    const timetable = campaign.networks.map((n) => [n.id, ...n.gatherings.map((g) => g.month)]);
    expect(timetable).toEqual([
      ['A', '2013-06', '2013-10', '2014-03'],
      ['B', '2013-09', '2013-11', '2014-03'],
      ['C', '2013-09', '2013-11', '2014-03'],
    ]);
    for (const network of campaign.networks) {
      expect(network.capacity).toEqual({ min: 20, max: 30 });
      expect(network.gatherings.map((g) => g.number)).toEqual([1, 2, 3]);
      expect(network.gatherings.map((g) => g.lunchToLunch)).toEqual([true, false, false]);
      expect(network.gatherings.every((g) => g.venue === null)).toBe(true);
    }
  });

  it('resolves network A’s first gathering, lunch to lunch on 18–19 June, in CEST', () => {
    expect(campaign.networks[0].gatherings[0]).toEqual({
      number: 1,
      month: '2013-06',
      date: '2013-06-18',
      startsAt: '2013-06-18T09:30:00.000Z',
      endsAt: '2013-06-19T11:30:00.000Z',
      lunchToLunch: true,
      venue: null,
    });
  });

  it('leaves month-only gatherings without date or instants', () => {
    const october = campaign.networks[0].gatherings[1];
    expect(october).toMatchObject({ month: '2013-10', date: null, startsAt: null, endsAt: null });
    const september = campaign.networks[1].gatherings[0];
    expect(september).toMatchObject({
      month: '2013-09',
      date: null,
      startsAt: null,
      lunchToLunch: true,
    });
  });

  it('lists candidate venues across Norway with coordinates', () => {
    expect(campaign.venues.length).toBeGreaterThanOrEqual(10);
    const ids = campaign.venues.map((v) => v.id);
    expect(ids).toEqual(
      expect.arrayContaining(['oslo', 'gardermoen', 'bergen', 'trondheim', 'tromso']),
    );
    for (const venue of campaign.venues) {
      expect(venue.lat).toBeGreaterThan(57.9);
      expect(venue.lat).toBeLessThan(71.2);
      expect(venue.lon).toBeGreaterThan(4.5);
      expect(venue.lon).toBeLessThan(31.2);
    }
    expect(campaign.venues.find((v) => v.id === 'alesund')?.name).toBe('Ålesund');
  });

  it('loads from disk the same as from text', () => {
    expect(loadCampaignFile(SHIPPED_PATH)).toEqual(campaign);
  });
});

describe('gathering times and defaults', () => {
  it('resolves an exact winter date as CET, with default one-day times 10:00–16:00', () => {
    const text = edit('- date: 2014-03', '- date: 2014-03-12');
    const gathering = parseCampaign(text, FILE).networks[0].gatherings[2];
    expect(gathering).toMatchObject({
      month: '2014-03',
      date: '2014-03-12',
      startsAt: '2014-03-12T09:00:00.000Z',
      endsAt: '2014-03-12T15:00:00.000Z',
    });
  });

  it('uses starts and ends when given', () => {
    const text = edit(
      '- date: 2013-10\n',
      '- date: 2013-10-15\n        starts: "09:00"\n        ends: 15:30\n',
    );
    expect(parseCampaign(text, FILE).networks[0].gatherings[1]).toMatchObject({
      startsAt: '2013-10-15T07:00:00.000Z',
      endsAt: '2013-10-15T13:30:00.000Z',
    });
  });

  it('fills in every schedule offset the file leaves out', () => {
    const start = SHIPPED.indexOf('  # Resten har standardverdier');
    const end = SHIPPED.indexOf('\n\n', start);
    const campaign = parseCampaign(SHIPPED.slice(0, start) + SHIPPED.slice(end + 1), FILE);
    expect(campaign.schedule).toEqual(parseCampaign(SHIPPED, FILE).schedule);
  });

  it('defaults the reminders to 7 and 2 days, and lists reminders earliest first', () => {
    const without = edit('  registrationReminders: [7d, 2d]\n', '');
    expect(parseCampaign(without, FILE).schedule.registrationReminders).toEqual([
      7 * DAY_MS,
      2 * DAY_MS,
    ]);
    const reordered = edit('[7d, 2d]', '[36h, 1w]');
    expect(parseCampaign(reordered, FILE).schedule.registrationReminders).toEqual([
      7 * DAY_MS,
      1.5 * DAY_MS,
    ]);
  });

  it('resolves a venue id to the candidate venue', () => {
    const text = edit('venue: null', 'venue: gardermoen');
    expect(parseCampaign(text, FILE).networks[0].gatherings[0].venue).toEqual({
      id: 'gardermoen',
      name: 'Gardermoen',
      address: 'Oslo lufthavn Gardermoen, Ullensaker',
      lat: 60.1939,
      lon: 11.1004,
    });
  });
});
