import { ComputeInstance, ValidationError } from '../../src';
import { Problems, show } from '../../src/core/errors';
import { newStack, REQUIRED, thrown } from '../support/stack';

const SAS = 'https://acct.blob.core.windows.net/data?sv=2022-11-02&sp=r&sig=AbCdEfGh1234%2BIjKlMn5678%3D';
const URL_WITH_PASSWORD = 'https://alice:Tr0ub4dor@proxy.example.com:3128';
const METADATA_ALLOWED =
  "allowed: text without secrets: Azure shows a compute's description and tags to everyone who can read the workspace, " +
  'and Terraform state and deployment history keep them; keep the secret in Key Vault';

describe('values shown in errors are screened for credentials', () => {
  test.each([
    ['URL userinfo', URL_WITH_PASSWORD, '<redacted: credentials in a URL, 46 characters>'],
    ['a SAS signature', SAS, '<redacted: SAS token, 91 characters>'],
    ['a key=value secret', 'client_secret=abc123', '<redacted: secret value, 20 characters>'],
    ['a password assignment', 'password=hunter2', '<redacted: password, 16 characters>'],
    ['a GitHub token', `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`, '<redacted: GitHub token, 40 characters>'],
    ['a Hugging Face token', `hf_${'abcdefghij'.repeat(3)}ABCD`, '<redacted: Hugging Face token, 37 characters>'],
    ['a secret in a list', ['ok', 'password=hunter2'], '<redacted: password, in a list of 2 items>'],
    ['a secret as an object key', { [SAS]: 'x' }, '<redacted: SAS token, in an object>'],
    ['a secret past the shown start', `${'x '.repeat(30)}password=hunter2`, '<redacted: password, 76 characters>'],
  ])('redacts %s', (_what, value, shown) => {
    expect(show(value)).toBe(shown);
  });

  test('shows an ordinary value as JSON, shortened to 80 characters', () => {
    expect(show('team-a')).toBe('"team-a"');
    expect(show('y'.repeat(100))).toBe(`"${'y'.repeat(76)}...`);
  });

  test('a field name that looks secret is replaced too', () => {
    const p = new Problems('ci');
    p.add(`tags.${SAS}`, 1, 'a string');
    expect(p.count).toBe(1);
    expect(() => p.throwIfAny()).toThrow(
      'Invalid input in ci (1 problem):\n  - ci: <redacted name: SAS token>: received 1; allowed: a string',
    );
  });
});

describe('ComputeInstance description and tags are scanned for secrets', () => {
  const errorFor = (extra: object): ValidationError => {
    const { stack } = newStack();
    const e = thrown(() => new ComputeInstance(stack, 'ci', { ...REQUIRED, ...extra }));
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  };

  test('a tag name holding a SAS token: never echoed, described by kind and length', () => {
    const e = errorFor({ tags: { [SAS]: 'x' } });
    expect(e.message).toBe(
      'Invalid input in test/ci (2 problems):\n' +
        '  - test/ci: tags: received <redacted: SAS token, 91 characters>; allowed: keys of 1 to 512 characters without < > % & \\ ? /\n' +
        `  - test/ci: tags: received <redacted: SAS token, 91 characters>; ${METADATA_ALLOWED}`,
    );
    expect(e.message).not.toContain('AbCdEfGh');
  });

  test('a tag value with a URL password, a description with a password, a token in a tag', () => {
    const e = errorFor({
      description: 'db: PASSWORD=hunter2',
      tags: { proxy: URL_WITH_PASSWORD, hf: `hf_${'abcdefghij'.repeat(3)}ABCD` },
    });
    expect(e.message).toBe(
      'Invalid input in test/ci (3 problems):\n' +
        `  - test/ci: description: received <redacted: password, 20 characters>; ${METADATA_ALLOWED}\n` +
        `  - test/ci: tags.proxy: received <redacted: credentials in a URL, 46 characters>; ${METADATA_ALLOWED}\n` +
        `  - test/ci: tags.hf: received <redacted: Hugging Face token, 37 characters>; ${METADATA_ALLOWED}`,
    );
    for (const fragment of ['hunter2', 'Tr0ub4dor', 'abcdefghij']) expect(e.message).not.toContain(fragment);
  });

  test('ordinary descriptions and tags, and references to secrets, pass', () => {
    const { stack } = newStack();
    expect(
      () =>
        new ComputeInstance(stack, 'ci', {
          ...REQUIRED,
          description: 'password rotation: see $KEYVAULT',
          tags: { team: 'ml', 'cost-center': '42', owner: 'alice@example.com', url: 'https://example.com/a?b=c' },
        }),
    ).not.toThrow();
  });
});
