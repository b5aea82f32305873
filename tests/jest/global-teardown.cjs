module.exports = require('./temp-guard.cjs').teardown;
