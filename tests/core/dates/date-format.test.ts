import { fillTemplate, formatDate, parseDate } from '../../../main/core/dates/date-format';

// Tuesday 5 March 2024, 09:07:03 local time.
const WHEN = new Date(2024, 2, 5, 9, 7, 3);

describe('formatDate: each token', () => {
  test.each([
    ['YYYY', '2024'],
    ['YY', '24'],
    ['MMMM', 'March'],
    ['MMM', 'Mar'],
    ['MM', '03'],
    ['M', '3'],
    ['DD', '05'],
    ['D', '5'],
    ['dddd', 'Tuesday'],
    ['ddd', 'Tue'],
    ['HH', '09'],
    ['H', '9'],
    ['mm', '07'],
    ['ss', '03'],
    ['YYYY-MM-DD', '2024-03-05'],
    ['HH:mm', '09:07'],
    ['dddd, MMMM D, YYYY', 'Tuesday, March 5, 2024'],
    ['DD.MM.YY', '05.03.24'],
    ['YYYY/MM/DD', '2024/03/05'],
    ['[Week of] YYYY-MM-DD', 'Week of 2024-03-05'],
    ['[YYYY] YYYY', 'YYYY 2024'],
    ['no tokens here? x', 'no tokens here? x'],
    ['', ''],
  ])('%j -> %j', (format, expected) => expect(formatDate(WHEN, format)).toBe(expected));

  test('two-digit fields pad at the ends of their ranges', () => {
    expect(formatDate(new Date(1999, 11, 31, 23, 59, 59), 'YYYY-MM-DD HH:mm:ss')).toBe('1999-12-31 23:59:59');
    expect(formatDate(new Date(2000, 0, 1, 0, 0, 0), 'YY M D H')).toBe('00 1 1 0');
    expect(formatDate(new Date(2000, 0, 2), 'dddd ddd')).toBe('Sunday Sun');
  });
});

describe('parseDate: the day a name in a format stands for', () => {
  test.each([
    ['2024-03-05', 'YYYY-MM-DD', [2024, 2, 5]],
    ['2024/3/5', 'YYYY/M/D', [2024, 2, 5]],
    ['05.03.24', 'DD.MM.YY', [2024, 2, 5]],
    ['Tuesday, March 5, 2024', 'dddd, MMMM D, YYYY', [2024, 2, 5]],
    ['Mar 05 2024', 'MMM DD YYYY', [2024, 2, 5]],
    ['Daily 2024-03-05', '[Daily] YYYY-MM-DD', [2024, 2, 5]],
  ])('%j in %j', (text, format, [y, m, d]) => expect(parseDate(text, format)).toEqual(new Date(y, m, d)));

  test.each([
    ['2024-02-30', 'YYYY-MM-DD'],
    ['2024-13-01', 'YYYY-MM-DD'],
    ['2024-03-05 copy', 'YYYY-MM-DD'],
    ['notes', 'YYYY-MM-DD'],
    ['2024-03', 'YYYY-MM'],
  ])('%j in %j is no date', (text, format) => expect(parseDate(text, format)).toBeNull());

  test('formatting then parsing gives the same day', () => {
    for (const format of ['YYYY-MM-DD', 'DD-MM-YYYY', 'YYYYMMDD', 'D MMMM YYYY', 'ddd YYYY-MM-DD']) {
      for (let day = 0; day < 400; day += 37) {
        const date = new Date(2023, 0, 1 + day);
        expect(parseDate(formatDate(date, format), format)).toEqual(date);
      }
    }
  });
});

describe('fillTemplate', () => {
  test.each([
    ['# {{title}}', '# Meeting'],
    ['{{date}}', '2024-03-05'],
    ['{{time}}', '09:07'],
    ['{{date:YYYY-MM-DD}}', '2024-03-05'],
    ['{{date:dddd D MMMM}}', 'Tuesday 5 March'],
    ['{{time:HH:mm:ss}}', '09:07:03'],
    ['{{ DATE }} {{Title}}', '2024-03-05 Meeting'],
    ['{{date:}}', '2024-03-05'],
    ['{{unknown}} {{date', '{{unknown}} {{date'],
    ['created {{date}} at {{time}} for {{title}}', 'created 2024-03-05 at 09:07 for Meeting'],
  ])('%j -> %j', (template, expected) => expect(fillTemplate(template, { title: 'Meeting', now: WHEN })).toBe(expected));

  test('bare {{date}} and {{time}} use the formats given', () => {
    expect(fillTemplate('{{date}} {{time}}', { title: '', now: WHEN, dateFormat: 'DD/MM/YYYY', timeFormat: 'H:mm' })).toBe('05/03/2024 9:07');
  });

  test('a title with $ patterns is inserted as it is', () => {
    expect(fillTemplate('{{title}}', { title: '$& $1 cost', now: WHEN })).toBe('$& $1 cost');
  });
});
