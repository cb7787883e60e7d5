import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SetupScript } from '../../src';
import { thrown } from '../support/stack';

const LINK_ALLOWED =
  'a file inside the folder the synth runs in when the path goes through a symbolic link ' +
  '(this one leads outside it); copy the script into the project instead of linking to it';

const refusal = (path: string, allowed: string) =>
  `Invalid input in SetupScript.fromFile (1 problem):\n  - SetupScript.fromFile: path: received ${JSON.stringify(path)}; allowed: ${allowed}`;

/**
 * A project folder (the synth's working folder) next to a folder outside it holding what a link checked into
 * a repository would reach for: a cloud credential file.
 */
describe('SetupScript.fromFile and symbolic links', () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'script-links-')));
  const project = join(root, 'project');
  const outside = join(root, 'home');
  const secret = '[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n';
  const cwd = process.cwd();

  beforeAll(() => {
    mkdirSync(join(project, 'scripts'), { recursive: true });
    mkdirSync(join(outside, '.aws'), { recursive: true });
    writeFileSync(join(outside, '.aws', 'credentials'), secret);
    writeFileSync(join(outside, 'setup.sh'), '#!/bin/bash\necho outside\n');
    writeFileSync(join(project, 'scripts', 'real.sh'), '#!/bin/bash\necho inside\n');
    symlinkSync(join(outside, '.aws', 'credentials'), join(project, 'setup.sh'));
    symlinkSync('../home/.aws', join(project, 'aws'));
    symlinkSync('/etc/passwd', join(project, 'passwd.sh'));
    symlinkSync('scripts/real.sh', join(project, 'inside.sh'));
    symlinkSync('missing.sh', join(project, 'dangling.sh'));
    symlinkSync('loop-b.sh', join(project, 'loop-a.sh'));
    symlinkSync('loop-a.sh', join(project, 'loop-b.sh'));
    process.chdir(project);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  });

  test.each([
    ['a link to a credentials file outside the project', 'setup.sh'],
    ['a path through a linked folder outside the project', 'aws/credentials'],
    ['a link to /etc/passwd', 'passwd.sh'],
    ['an absolute path through a link', () => join(project, 'setup.sh')],
  ])('refuses %s, never reading it', (_what, given) => {
    const path = typeof given === 'function' ? given() : given;
    const e = thrown(() => SetupScript.fromFile(path));
    expect(e.message).toBe(refusal(path, LINK_ALLOWED));
    expect(e.message).not.toContain('wJalrXUtnFEMI');
  });

  test('follows a link that stays inside the project', () => {
    expect(SetupScript.fromFile('inside.sh').text).toBe('#!/bin/bash\necho inside\n');
  });

  test('reads a file outside the project named without a link, as the caller wrote it', () => {
    expect(SetupScript.fromFile(join(outside, 'setup.sh')).text).toBe('#!/bin/bash\necho outside\n');
    expect(SetupScript.fromFile('../home/setup.sh').text).toBe('#!/bin/bash\necho outside\n');
  });

  test('a dangling link is a missing file; a loop of links says so', () => {
    expect(thrown(() => SetupScript.fromFile('dangling.sh')).message).toBe(
      refusal(
        'dangling.sh',
        'the path of an existing file, relative to the folder the synth runs in (nothing is there)',
      ),
    );
    expect(thrown(() => SetupScript.fromFile('loop-a.sh')).message).toBe(
      refusal(
        'loop-a.sh',
        'a file reached through at most a few symbolic links, none of them replaced while the synth reads it',
      ),
    );
  });
});
