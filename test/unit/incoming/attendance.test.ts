import { attendanceCue, readAttendance } from '../../../mail/incoming/attendance';

const answer = (
  participant: string | null,
  fields: Partial<Record<'attending' | 'overnight' | 'dinner' | 'dietary' | 'substitute', unknown>>,
) => ({
  participant,
  attending: null,
  overnight: null,
  dinner: null,
  dietary: null,
  substitute: null,
  ...fields,
});

describe('readAttendance', () => {
  it('everyone comes, with overnight stay and dinner', () => {
    expect(readAttendance('Vi kommer begge, med overnatting og middag.')).toEqual([
      answer(null, { attending: true, overnight: true, dinner: true }),
    ]);
  });

  it('who comes and who does not, by name', () => {
    expect(readAttendance('Kari Nordmann kommer. Ola Hansen kan dessverre ikke komme.')).toEqual([
      answer('Kari Nordmann', { attending: true }),
      answer('Ola Hansen', { attending: false }),
    ]);
  });

  it('nynorsk: «kjem», «treng ikkje overnatting», «fråverande»', () => {
    expect(
      readAttendance('Kari Nordmann kjem, men treng ikkje overnatting. Ola Hansen kjem ikkje.'),
    ).toEqual([
      answer('Kari Nordmann', { attending: true, overnight: false }),
      answer('Ola Hansen', { attending: false }),
    ]);
  });

  it('dietary needs: allergi, vegetar, glutenfri, laktoseintolerant', () => {
    const r = readAttendance(
      'Kari Nordmann er vegetarianer og har nøtteallergi. Ola Hansen er laktoseintolerant og spiser glutenfritt.',
    );
    expect(r).toEqual([
      answer('Kari Nordmann', { dietary: 'vegetarianer, nøtteallergi' }),
      answer('Ola Hansen', { dietary: 'laktoseintolerant, glutenfritt' }),
    ]);
  });

  it('«ingen allergier» is not a dietary need', () => {
    expect(readAttendance('Vi kommer begge. Ingen allergier.')).toEqual([
      answer(null, { attending: true }),
    ]);
  });

  it('a substitute named after the one who cannot come', () => {
    const r = readAttendance(
      'Ola Hansen kan ikke komme. I stedet kommer seniorrådgiver Per Olsen (per.olsen@voss.kommune.example, 911 22 333).',
    );
    expect(r).toEqual([
      answer('Ola Hansen', {
        attending: false,
        substitute: {
          name: 'Per Olsen',
          title: 'seniorrådgiver',
          email: 'per.olsen@voss.kommune.example',
          phone: '911 22 333',
        },
      }),
    ]);
  });

  it('«X kommer i stedet for Y»', () => {
    const r = readAttendance(
      'Per Olsen (per.olsen@voss.kommune.example) kommer i stedet for Ola Hansen.',
    );
    expect(r).toEqual([
      answer('Ola Hansen', {
        attending: false,
        substitute: {
          name: 'Per Olsen',
          title: null,
          email: 'per.olsen@voss.kommune.example',
          phone: null,
        },
      }),
    ]);
  });

  it('«jeg» is the sender', () => {
    expect(readAttendance('Jeg kommer, men trenger ikke overnatting.', 'Kari Nordmann')).toEqual([
      answer('Kari Nordmann', { attending: true, overnight: false }),
    ]);
  });

  it('form lines: «Overnatting: ja», «Middag: nei», «Allergier: gluten»', () => {
    expect(readAttendance('Overnatting: ja\nMiddag: nei\nAllergier: gluten')).toEqual([
      answer(null, { overnight: true, dinner: false, dietary: 'gluten' }),
    ]);
  });

  it('says nothing when nothing is said about attendance', () => {
    expect(readAttendance('Takk for invitasjonen. Vi melder på Kari.')).toBeNull();
    expect(readAttendance('')).toBeNull();
  });

  it('lets the named inherit what is said for everyone', () => {
    expect(readAttendance('Kari Nordmann og Ola Hansen kommer. Alle trenger overnatting.')).toEqual(
      [
        answer('Kari Nordmann', { attending: true, overnight: true }),
        answer('Ola Hansen', { attending: true, overnight: true }),
        answer(null, { overnight: true }),
      ],
    );
  });
});

describe('attendanceCue', () => {
  it('notices talk of gatherings, overnight stays, dinner and diets', () => {
    expect(attendanceCue('Vi trenger overnatting.')).toBe(true);
    expect(attendanceCue('Kari er vegetarianer.')).toBe(true);
    expect(attendanceCue('Vi kommer på samlingen.')).toBe(true);
    expect(attendanceCue('Vi melder på Kari.')).toBe(false);
  });
});
