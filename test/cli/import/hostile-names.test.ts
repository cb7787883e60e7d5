import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileModules, fixture, runImport, synthesize } from '../../support/import-harness';

/*
 * Issue 19, item 10: a compute named "", `__proto__` or `constructor` stopped import with "internal error".
 * A name the library refuses is kept and marked like any refused value (exit 1, one stderr line, the good
 * instances in the file still written); a name it takes is imported (exit 0). Keys that are names of
 * Object.prototype members (tags, unknown fields) are kept as the keys they are.
 */

const NAME_RULE =
  'allowed: 3 to 24 letters, digits and "-", starting with a letter, where every "-" is followed later by a letter (ci-one, not ci-1 or ci-)';

const base = JSON.parse(fs.readFileSync(fixture('import/unsupported-custom-services.json'), 'utf8'));
delete base.properties.properties.customServices;

/** ci-frank renamed `name` (its id too), with `extra` JSON text spliced in: JSON.parse keeps a `__proto__` key. */
function compute(name: string, extra: { tags?: string; inner?: string } = {}): unknown {
  const c = JSON.parse(JSON.stringify(base).replace(/ci-frank/g, name));
  if (extra.tags) c.tags = JSON.parse(extra.tags);
  if (extra.inner) Object.defineProperties(c.properties.properties, descriptors(JSON.parse(extra.inner)));
  return c;
}
/** Own data properties, `__proto__` included (Object.assign would call the prototype setter instead). */
function descriptors(source: object): PropertyDescriptorMap {
  return Object.fromEntries(
    Object.keys(source).map((k) => [
      k,
      { value: (source as any)[k], enumerable: true, writable: true, configurable: true },
    ]),
  );
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aml-names-'));
function write(name: string, json: unknown): string {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(json));
  return file;
}

const files = {
  empty: write('empty', { value: [compute(''), compute('ci-good')] }),
  proto: write('proto', { value: [compute('__proto__'), compute('ci-good')] }),
  constructorName: write('constructor', compute('constructor')),
  protoTag: write('proto-tag', compute('ci-tags', { tags: '{"__proto__":"x","constructor":"y"}' })),
  memberTags: write('member-tags', compute('ci-tags', { tags: '{"constructor":"y","toString":"z"}' })),
  memberKeys: write(
    'member-keys',
    compute('ci-keys', { inner: '{"__proto__":{"a":1},"constructor":2,"hasOwnProperty":3,"toString":4}' }),
  ),
};
const runs = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, runImport(f)]));
const compiled = compileModules(Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, r.out])));

function thrownBy(fn: () => unknown): Error | undefined {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  return undefined;
}

describe('aml-compute import with names that are not plain (issue 19, item 10)', () => {
  test('every module compiles with tsc (strict)', () => {
    expect(compiled.diagnostics).toEqual([]);
  });

  test('name "": exit 1, one line naming the file and the problem; the construct id is "unnamed"; ci-good is written', () => {
    expect(runs.empty.code).toBe(1);
    expect(runs.empty.err).toBe(
      [
        `aml-compute import: ${files.empty}: unnamed: the library refuses name: received ""; ${NAME_RULE}; this one has 0 characters\n`,
        // Its ARM id ends in /computes/ (the name is empty): no workspace can be read from it.
        `aml-compute import: ${files.empty}: unnamed: the library refuses workspaceId: received ""; allowed: an ARM id of the form /subscriptions/<subscription GUID>/resourceGroups/<group>/providers/Microsoft.MachineLearningServices/workspaces/<workspace>; it does not start with /subscriptions/\n`,
      ].join(''),
    );
    expect(runs.empty.out).toContain(
      `  new ComputeInstance(scope, 'unnamed', {\n    existing: true,\n    // aml-compute import: the library refuses name: received ""; ${NAME_RULE}; this one has 0 characters\n    name: '',\n`,
    );
    expect(runs.empty.out).toContain("  new ComputeInstance(scope, 'ci-good', {\n");
    const error = thrownBy(() => synthesize(compiled.modules.empty));
    expect(error?.name).toBe('ValidationError');
    expect(error?.message).toContain('name: received ""');
  });

  test('name __proto__: exit 1, refused name; the construct id is __proto__-2 (constructs keeps children in a plain object)', () => {
    expect(runs.proto.code).toBe(1);
    expect(runs.proto.err).toBe(
      `aml-compute import: ${files.proto}: __proto__-2: the library refuses name: received "__proto__"; ${NAME_RULE}\n`,
    );
    expect(runs.proto.out).toContain("  new ComputeInstance(scope, '__proto__-2', {\n    existing: true,\n");
    expect(runs.proto.out).toContain("    name: '__proto__',\n");
    const error = thrownBy(() => synthesize(compiled.modules.proto));
    expect(error?.name).toBe('ValidationError');
    expect(error?.message).toContain('name: received "__proto__"');
  });

  test('name constructor (a valid name): exit 0, construct id constructor-2, the synthesized compute is named constructor', () => {
    expect(runs.constructorName.code).toBe(0);
    expect(runs.constructorName.err).toBe('');
    expect(runs.constructorName.out).toContain(
      "  new ComputeInstance(scope, 'constructor-2', {\n    existing: true,\n    name: 'constructor',\n",
    );
    const json = synthesize(compiled.modules.constructorName);
    expect(Object.values<any>(json.resource.azapi_resource).map((r) => r.name)).toEqual(['constructor']);
    expect(json.import.map((i: any) => i.id.replace(/^.*\/computes\//, ''))).toEqual([
      'constructor?api-version=2025-12-01',
    ]);
  });

  test('a tag named __proto__ is written as a computed key, so it reaches the library, which refuses it', () => {
    expect(runs.protoTag.code).toBe(1);
    expect(runs.protoTag.err).toBe(
      `aml-compute import: ${files.protoTag}: ci-tags: the library refuses tags: received "__proto__"; allowed: a tag name other than __proto__, which cdktf drops from the output\n`,
    );
    expect(runs.protoTag.out).toContain("    tags: {\n      ['__proto__']: 'x',\n      constructor: 'y',\n    },\n");
    const error = thrownBy(() => synthesize(compiled.modules.protoTag));
    expect(error?.name).toBe('ValidationError');
    expect(error?.message).toContain('tags: received "__proto__"');
  });

  test('tags named constructor and toString are imported and synthesized as they are', () => {
    expect(runs.memberTags.code).toBe(0);
    expect(runs.memberTags.err).toBe('');
    const json = synthesize(compiled.modules.memberTags);
    expect(Object.values<any>(json.resource.azapi_resource)[0].tags).toEqual({ constructor: 'y', toString: 'z' });
  });

  test('unknown fields named __proto__, constructor, hasOwnProperty, toString are reported, not dropped', () => {
    expect(runs.memberKeys.code).toBe(0);
    const where = `aml-compute import: ${files.memberKeys}: ci-keys: not expressed:`;
    expect(runs.memberKeys.err).toBe(
      [
        `${where} __proto__ ({"a":1}): a field this version of the library does not know\n`,
        `${where} constructor (2): a field this version of the library does not know\n`,
        `${where} hasOwnProperty (3): a field this version of the library does not know\n`,
        `${where} toString (4): a field this version of the library does not know\n`,
      ].join(''),
    );
  });
});
