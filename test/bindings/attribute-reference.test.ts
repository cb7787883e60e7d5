import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, TerraformOutput, TerraformResource, TerraformStack, Testing, Tokenization } from 'cdktf';
import { attributeReference } from '../../src/bindings/attribute-reference';

/** A resource with one attribute written from whatever the test gives it. */
class Thing extends TerraformResource {
  constructor(
    scope: TerraformStack,
    id: string,
    private readonly target?: string,
  ) {
    super(scope, id, { terraformResourceType: 'thing' });
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { target: this.target };
  }
}

/** The token object behind a string token, as cdktf keeps it. */
function tokenOf(token: string): { creationStack: string[] } {
  const tokens = Tokenization.reverseString(token).tokens;
  expect(tokens).toHaveLength(1);
  return tokens[0] as unknown as { creationStack: string[] };
}

function synthOne(reference: (r: TerraformResource) => string): any {
  const stack = new TerraformStack(Testing.app(), 'test');
  const source = new Thing(stack, 'source');
  new Thing(stack, 'user', reference(source));
  return JSON.parse(Testing.synth(stack));
}

describe('attributeReference', () => {
  test('writes the reference cdktf writes for getStringAttribute', () => {
    const ours = synthOne((r) => attributeReference(r, 'id'));
    expect(ours.resource.thing.user.target).toBe('${thing.source.id}');
    expect(ours).toEqual(synthOne((r) => r.getStringAttribute('id')));
  });

  test('is a cdktf token, resolved across stacks as cdktf resolves its own references', () => {
    const outputs = (reference: (r: TerraformResource) => string) => {
      const outdir = mkdtempSync(join(tmpdir(), 'attribute-reference-'));
      try {
        const app = new App({ outdir, skipValidation: true });
        const source = new Thing(new TerraformStack(app, 'first'), 'source');
        new TerraformOutput(new TerraformStack(app, 'second'), 'out', { value: reference(source) });
        app.synth();
        const read = (s: string) => JSON.parse(readFileSync(join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8'));
        return { first: read('first'), second: read('second') };
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    };
    const ours = outputs((r) => attributeReference(r, 'id'));
    const cdktfs = outputs((r) => r.getStringAttribute('id'));
    expect(ours).toEqual(cdktfs);
    // The second stack reads the id through remote state, not through a resource it does not have.
    expect(ours.second.output.out.value).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-first\.outputs\.cross-stack-output-thingsourceid\}$/,
    );
  });

  test('records no creation stack trace, where getStringAttribute records one', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const source = new Thing(stack, 'source');
    expect(tokenOf(attributeReference(source, 'id')).creationStack).toEqual([]);
    expect(tokenOf(source.getStringAttribute('name')).creationStack.length).toBeGreaterThan(0);
  });

  test('gives back the Error.prepareStackTrace it found, also when the framework throws', () => {
    const mine = (_e: Error, frames: NodeJS.CallSite[]) => `mine: ${frames.length}`;
    const saved = Error.prepareStackTrace;
    Error.prepareStackTrace = mine;
    try {
      const stack = new TerraformStack(Testing.app(), 'test');
      attributeReference(new Thing(stack, 'source'), 'id');
      expect(Error.prepareStackTrace).toBe(mine);
      const broken = {
        getStringAttribute: () => {
          throw new Error('framework failed');
        },
      } as unknown as TerraformResource;
      expect(() => attributeReference(broken, 'id')).toThrow('framework failed');
      expect(Error.prepareStackTrace).toBe(mine);
    } finally {
      Error.prepareStackTrace = saved;
    }
  });
});
