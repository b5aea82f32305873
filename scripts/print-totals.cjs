// Prints jest's totals from a captured run as one plain line: "N passed, N failed".
const fs = require('node:fs');
const text = fs.existsSync(process.argv[2]) ? fs.readFileSync(process.argv[2], 'utf8') : '';
// eslint-disable-next-line no-control-regex -- \x1b starts the colour codes it strips
const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
const line =
  plain
    .split('\n')
    .reverse()
    .find((l) => /^Tests:\s/.test(l)) ?? '';
const count = (word) => Number((line.match(new RegExp(`(\\d+) ${word}`)) ?? [0, 0])[1]);
console.log(`${count('passed')} passed, ${count('failed')} failed`);
