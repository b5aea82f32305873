import { adjacentDailyNote, dailyNoteDay, dailyNotePath, templateNotePath } from '../../../renderer/src/daily-notes/daily-note-paths';

const plain = { format: 'YYYY-MM-DD', folder: '' };
const inFolder = { format: 'YYYY-MM-DD', folder: 'Daily' };

test.each([
  [plain, '2024-03-05.md'],
  [inFolder, 'Daily/2024-03-05.md'],
  [{ format: 'YYYY/MM/DD dddd', folder: 'Journal' }, 'Journal/2024/03/05 Tuesday.md'],
])('dailyNotePath(%j)', (settings, path) => expect(dailyNotePath(new Date(2024, 2, 5, 23, 59), settings)).toBe(path));

test.each([
  ['Daily/2024-03-05.md', inFolder, new Date(2024, 2, 5)],
  ['2024-03-05.md', inFolder, null],
  ['Daily/Sub/2024-03-05.md', inFolder, null],
  ['Daily/2024-03-05 notes.md', inFolder, null],
  ['Daily/2024-03-05.png', inFolder, null],
  ['Journal/2024/03/05 Tuesday.md', { format: 'YYYY/MM/DD dddd', folder: 'Journal' }, new Date(2024, 2, 5)],
])('dailyNoteDay(%j)', (path, settings, day) => expect(dailyNoteDay(path, settings)).toEqual(day));

describe('adjacentDailyNote: the nearest existing daily note by date', () => {
  const paths = [
    'Daily/2024-03-01.md',
    'Daily/2024-02-28.md',
    'Daily/2024-03-09.md',
    'Daily/notes.md',
    'Other/2024-03-04.md',
    'Daily/2024-03-05.md',
    'Daily/2023-12-31.md',
  ];
  test.each([
    [new Date(2024, 2, 5), -1, 'Daily/2024-03-01.md'],
    [new Date(2024, 2, 5), 1, 'Daily/2024-03-09.md'],
    [new Date(2024, 2, 5, 18), -1, 'Daily/2024-03-01.md'],
    [new Date(2024, 2, 1), -1, 'Daily/2024-02-28.md'],
    [new Date(2024, 1, 28), -1, 'Daily/2023-12-31.md'],
    [new Date(2023, 11, 31), -1, null],
    [new Date(2024, 2, 9), 1, null],
    [new Date(2024, 2, 3), 1, 'Daily/2024-03-05.md'],
  ] as const)('from %s going %d', (day, direction, expected) => expect(adjacentDailyNote(paths, day, direction, inFolder)).toBe(expected));
});

test.each([
  ['', null],
  ['  ', null],
  ['Templates/Daily', 'Templates/Daily.md'],
  ['Templates/Daily.md', 'Templates/Daily.md'],
])('templateNotePath(%j) = %j', (setting, path) => expect(templateNotePath(setting)).toBe(path));
