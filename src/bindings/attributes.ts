/**
 * A binding's arguments, declared once: each with its Terraform name, its value and how Terraform declares
 * it. `jsonArguments` gives the `.tf.json` arguments (`synthesizeAttributes`), `hclArguments` the records
 * cdktf's HCL output reads (`synthesizeHclAttributes`, `App({ hclOutput: true })`), built the way the
 * generated bindings of `@cdktf/provider-azurerm` 14.23.1 build them, so that HCL output is the same as with
 * them.
 */
export interface Attribute {
  readonly name: string;
  readonly kind: AttributeKind;
  /** For a block, its elements' attributes: one list (`nesting: 'one'`) or a list of them (`'list'`). */
  readonly value: unknown;
}

type AttributeKind =
  | { readonly type: 'string' | 'boolean' | 'number' | 'stringMap' }
  | { readonly type: 'stringList'; readonly collection: 'list' | 'set' }
  /** An object written as it is: azapi's dynamic arguments (`body`), which have no generated binding to follow. */
  | { readonly type: 'jsonObject' }
  | {
      readonly type: 'block';
      /** `'one'`: the JSON holds one object, not a list of one. */
      readonly nesting: 'one' | 'list';
      /** The generated binding's class for the block, which its HCL output names; none for azapi's blocks. */
      readonly hclClass: string | undefined;
    };

type Elements = readonly (readonly Attribute[])[];

/** An argument of one of the kinds that need nothing but the type. */
const plainArgument =
  <T>(type: 'string' | 'boolean' | 'number' | 'stringMap') =>
  (name: string, value: T | undefined): Attribute => ({ name, kind: { type }, value });

export const stringArgument = plainArgument<string>('string');
export const booleanArgument = plainArgument<boolean>('boolean');
export const numberArgument = plainArgument<number>('number');
export const stringMapArgument = plainArgument<Readonly<Record<string, string>>>('stringMap');

export const stringListArgument = (
  name: string,
  value: readonly string[] | undefined,
  collection: 'list' | 'set',
): Attribute => ({ name, kind: { type: 'stringList', collection }, value });

export const jsonObjectArgument = (name: string, value: object | undefined): Attribute => ({
  name,
  kind: { type: 'jsonObject' },
  value,
});

/** A block of one element at most, written as one object. */
export const singleBlock = (
  name: string,
  hclClass: string | undefined,
  value: readonly Attribute[] | undefined,
): Attribute => ({ name, kind: { type: 'block', nesting: 'one', hclClass }, value });

/** A block written as a list of its elements (azurerm's repeatable blocks, `features`, azapi's `identity`). */
export const blockList = (name: string, hclClass: string | undefined, value: Elements | undefined): Attribute => ({
  name,
  kind: { type: 'block', nesting: 'list', hclClass },
  value,
});

/** The arguments that have a value (the generated bindings leave out the others), as `.tf.json` writes them. */
export function jsonArguments(attributes: readonly Attribute[]): Record<string, unknown> {
  // A loop, not filter, map and fromEntries: every resource renders through here, and the three arrays per
  // call showed in the synth profile. The names are the bindings' own Terraform argument names, never
  // `__proto__`, so plain assignment defines each as a key.
  const json: Record<string, unknown> = {};
  for (const a of attributes) if (a.value !== undefined) json[a.name] = jsonValue(a);
  return json;
}

function jsonValue(a: Attribute): unknown {
  if (a.kind.type !== 'block') return a.value;
  return a.kind.nesting === 'one'
    ? jsonArguments(a.value as readonly Attribute[])
    : (a.value as Elements).map(jsonArguments);
}

/** cdktf's HCL record of one argument, as the generated bindings write it. */
interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: 'simple' | 'list' | 'set' | 'map' | 'struct';
  readonly storageClassType: string;
}

/**
 * The arguments that have a value, as cdktf's HCL output reads them. The generated classes list the plain
 * arguments in alphabetical order, then the blocks in alphabetical order (their `synthesizeHclAttributes`,
 * e.g. `@cdktf/provider-azurerm/lib/subscription-policy-assignment/index.js`, where `subscription_id` comes
 * after `policy_definition_id` and before the `identity` block); cdktf renders them in that order.
 */
export function hclArguments(attributes: readonly Attribute[]): Record<string, HclAttribute> {
  const byName = (a: Attribute, b: Attribute) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const present = given(attributes);
  const plain = present.filter((a) => a.kind.type !== 'block').sort(byName);
  const blocks = present.filter((a) => a.kind.type === 'block').sort(byName);
  return Object.fromEntries([...plain, ...blocks].map((a) => [a.name, hclRecord(a)]));
}

function hclRecord(a: Attribute): HclAttribute {
  const k = a.kind;
  switch (k.type) {
    case 'string':
    case 'boolean':
    case 'number':
      return { value: a.value, isBlock: false, type: 'simple', storageClassType: k.type };
    case 'stringList':
      return { value: a.value, isBlock: false, type: k.collection, storageClassType: 'stringList' };
    case 'stringMap':
      return { value: a.value, isBlock: false, type: 'map', storageClassType: 'stringMap' };
    case 'block':
      if (k.hclClass === undefined) break;
      // The generated bindings call a single block (`identity`, `ssh`) a `list` too, but give it as one object.
      return {
        value:
          k.nesting === 'one' ? hclArguments(a.value as readonly Attribute[]) : (a.value as Elements).map(hclArguments),
        isBlock: true,
        type: 'list',
        storageClassType: k.hclClass,
      };
  }
  throw new Error(
    `The library has no HCL declaration for the argument '${a.name}' (${k.type}): only the azapi bindings declare such arguments, and they write no HCL.`,
  );
}

function given(attributes: readonly Attribute[]): readonly Attribute[] {
  return attributes.filter((a) => a.value !== undefined);
}
