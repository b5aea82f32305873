module.exports = require('./temp-guard.cjs').setup;
