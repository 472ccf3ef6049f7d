// YAML mistakes a coordinator makes by hand, told with the place and the edit that fixes them
// rather than the parser's words («Nested mappings are not allowed in compact mappings»).
import { edit, position, problemsOf } from './campaign-text';

const only = (text: string) => {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  return problems[0];
};

test('a colon inside a value: the colon is pointed at, and the quoted line is suggested', () => {
  const text = edit(
    'title: Korrupsjonsforebyggende nettverk 2013–2014',
    'title: Nettverk: korrupsjon 2013',
  );
  expect(only(text)).toEqual({
    ...position(text, ': korrupsjon 2013', 'title: Nettverk'),
    path: '',
    message:
      'YAML: the value of "title" contains a colon followed by a space; put the value in quotes: title: "Nettverk: korrupsjon 2013"',
  });
});

test('a line indented too far is the line reported, once', () => {
  const text = edit('title: Korr', '  title: Korr');
  expect(only(text)).toEqual({
    ...position(text, 'title: Korr'),
    path: '',
    message:
      'YAML: this line is indented more than the field above it, so it reads as part of that value; line it up with the fields beside it',
  });
});

test('an unclosed quote is reported where it opens', () => {
  const text = edit(
    'title: Korrupsjonsforebyggende nettverk 2013–2014',
    'title: "Korrupsjonsforebyggende nettverk 2013–2014',
  );
  expect(only(text)).toMatchObject({
    ...position(text, '"Korr'),
    message: 'YAML: a value opened with " is not closed; end it with " on the same line',
  });
});

test('tabs, an unclosed list and a repeated field each say what to do', () => {
  const tab = edit('  invitation: 2013', '\tinvitation: 2013');
  expect(problemsOf(tab)[0].message).toBe(
    'YAML: a tab indents this line; YAML indents with spaces only',
  );
  const list = edit('registrationReminders: [7d, 2d]', 'registrationReminders: [7d, 2d');
  expect(problemsOf(list)[0].message).toBe(
    'YAML: a list in [ ] or { } is not closed on its line; end it with ] or }',
  );
  const twice = edit('id: ks-ti-2013', 'id: ks-ti-2013\nid: ks-ti-2014');
  expect(only(twice)).toMatchObject({
    ...position(twice, 'id: ks-ti-2014'),
    message: 'YAML: this field appears twice in the same place; keep one of them',
  });
});

test('nothing the parser says reaches the coordinator unexplained', () => {
  const at = edit('title: Korrupsjonsforebyggende nettverk 2013–2014', 'title: @KS og TI');
  expect(problemsOf(at)[0].message).toBe(
    'YAML: a value cannot start with reserved character @; put the value in quotes',
  );
});
