/**
 * "Open in default app" for an attachment the app cannot show itself. Handing a file to the OS
 * is how a shared vault could run a program on a click, so only plain documents go: a file with
 * no extension (macOS runs an executable one in Terminal) or with a type the OS executes or
 * installs (programs, scripts, shortcuts, installers) is refused with a reason.
 */
import type { Result } from '../../contract/api-contract';
import type { VaultPath } from '../../core/types';
import { fail } from './vault-reads';

/** Types that run code, install something or point somewhere else when opened (Windows, macOS, Linux). */
const RUNS_WHEN_OPENED = new Set([
  // Windows programs, scripts, shortcuts, installers and control-panel items
  'exe',
  'com',
  'bat',
  'cmd',
  'msi',
  'msp',
  'mst',
  'scr',
  'pif',
  'cpl',
  'hta',
  'jar',
  'js',
  'jse',
  'vbs',
  'vbe',
  'wsf',
  'wsh',
  'ws',
  'ps1',
  'psm1',
  'psd1',
  'reg',
  'lnk',
  'url',
  'scf',
  'inf',
  'msc',
  'gadget',
  'application',
  'appref-ms',
  'xbap',
  'diagcab',
  'library-ms',
  'settingcontent-ms',
  'appx',
  'appxbundle',
  'msix',
  'msixbundle',
  'chm',
  'iso',
  'img',
  'vhd',
  'vhdx',
  // macOS applications, scripts and installers
  'app',
  'command',
  'tool',
  'pkg',
  'mpkg',
  'dmg',
  'workflow',
  'action',
  'scpt',
  'applescript',
  'terminal',
  'webloc',
  'inetloc',
  'fileloc',
  // Linux and cross-platform programs and scripts
  'sh',
  'bash',
  'zsh',
  'csh',
  'ksh',
  'fish',
  'run',
  'bin',
  'elf',
  'out',
  'desktop',
  'appimage',
  'deb',
  'rpm',
  'snap',
  'flatpakref',
  'py',
  'pyw',
  'pyc',
  'pl',
  'rb',
  'php',
  'lua',
  'tcl',
  'jnlp',
]);

/** The lower-case extension as the OS would see it (Windows ignores trailing dots and spaces). */
function osExtension(vaultPath: VaultPath): string | null {
  const name = vaultPath.slice(vaultPath.lastIndexOf('/') + 1).replace(/[. ]+$/, '');
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? null : name.slice(dot + 1).toLowerCase();
}

export function checkOpenable(vaultPath: VaultPath): Result<VaultPath> {
  const ext = osExtension(vaultPath);
  if (ext === null)
    return fail('invalid-input', `"${vaultPath}" has no file type, so the system might run it as a program; open it from your file manager if you trust it`);
  if (RUNS_WHEN_OPENED.has(ext))
    return fail('invalid-input', `.${ext} files can run programs when opened; Plexus does not open "${vaultPath}" outside the app`);
  return { ok: true, value: vaultPath };
}
