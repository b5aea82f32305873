// The end-to-end tests drive Debian's Chromium through playwright-core. Install it when
// missing (apt-get, as root), so `npm test` works on a fresh machine. Never downloads a
// browser build of its own.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM) || process.env.PLEXUS_SKIP_CHROMIUM_INSTALL) process.exit(0);
if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(`plexus: ${CHROMIUM} not found; install Chromium to run the end-to-end tests (they will fail without it).`);
  process.exit(0);
}
console.log('plexus: installing Debian chromium for the end-to-end tests...');
try {
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core', { stdio: 'inherit' });
} catch (error) {
  console.error(`plexus: could not install chromium (${error.message}); end-to-end tests will fail.`);
  process.exit(1);
}
