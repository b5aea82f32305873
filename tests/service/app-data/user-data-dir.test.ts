import * as path from 'node:path';
import { appDataDir, userDataDir } from '../../../main/service/app-data/user-data-dir';

// Electron's app.getPath('appData') on each platform, then the app's name appended for userData.
test('Linux: $XDG_CONFIG_HOME, else ~/.config; a relative XDG path is ignored', () => {
  expect(userDataDir({ platform: 'linux', env: {}, home: '/home/me' }, 'Plexus')).toBe(path.join('/home/me', '.config', 'Plexus'));
  expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/xdg/conf' }, home: '/home/me' }, 'Plexus')).toBe(path.join('/xdg/conf', 'Plexus'));
  expect(appDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: 'relative' }, home: '/home/me' })).toBe(path.join('/home/me', '.config'));
  expect(appDataDir({ platform: 'freebsd', env: {}, home: '/home/me' })).toBe(path.join('/home/me', '.config'));
});

test('macOS: ~/Library/Application Support', () => {
  expect(userDataDir({ platform: 'darwin', env: { XDG_CONFIG_HOME: '/ignored' }, home: '/Users/me' }, 'Plexus')).toBe(
    path.join('/Users/me', 'Library', 'Application Support', 'Plexus'),
  );
});

test('Windows: %APPDATA%, else ~/AppData/Roaming', () => {
  expect(userDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, home: 'C:\\Users\\me' }, 'Plexus')).toBe(
    path.join('C:\\Users\\me\\AppData\\Roaming', 'Plexus'),
  );
  expect(appDataDir({ platform: 'win32', env: {}, home: '/home/me' })).toBe(path.join('/home/me', 'AppData', 'Roaming'));
});
