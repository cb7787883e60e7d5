import { SetupScriptBuilder } from '../../src';

/** Values that would break out of naive quoting, run a command, or expand, if quoted wrongly. */
export const HOSTILE = [
  `it's`,
  `'; touch pwned; '`,
  '$(touch pwned)',
  '`touch pwned`',
  '${HOME}',
  '%{ if true }x%{ endif }',
  '"double" \\ back\\',
  '~root',
  'a b\tc',
  'Zürich 東京 🚀',
  '!event',
  '*',
  '#not a comment',
];

/** A directory name made of the hostile values that a directory may hold (no "~" start, tab or backslash). */
export const HOSTILE_DIRECTORY = HOSTILE.filter((v) => !v.startsWith('~'))
  .join('/')
  .replace(/[\t\\]/g, '');

/** A builder that puts hostile values everywhere a value goes. */
export function hostileBuilder(condaRoot?: string): SetupScriptBuilder {
  return new SetupScriptBuilder({ condaRoot })
    .environment(Object.fromEntries(HOSTILE.map((v, i) => [`V${i}`, v])))
    .condaEnvironment('env-1.x_y', { packages: HOSTILE, kernelDisplayName: HOSTILE.join(' ') })
    .pipInstall(HOSTILE, { condaEnvironment: 'env-1.x_y' })
    .gitConfig(Object.fromEntries(HOSTILE.map((v, i) => [`hostile.value${i}`, v])))
    .gitClone('https://example.com/$(touch${IFS}pwned)/`id`.git', { branch: 'release/1.x' })
    .gitClone('https://example.com/r.git', { directory: HOSTILE_DIRECTORY })
    .jupyterLabExtensions(HOSTILE)
    .run(['mark', ...HOSTILE, 'two\nlines', ''])
    .run(['mark', ...HOSTILE], { as: 'azureuser' });
}
