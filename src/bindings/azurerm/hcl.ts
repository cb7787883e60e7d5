/**
 * cdktf's HCL output (`App({ hclOutput: true })`) reads `synthesizeHclAttributes()`, not
 * `synthesizeAttributes()`: each argument with how Terraform declares it. These build those records the way
 * the generated bindings of `@cdktf/provider-azurerm` 14.23.1 do, so that HCL output is the same as with them.
 */
export interface HclAttribute {
  readonly value: unknown;
  readonly isBlock: boolean;
  readonly type: 'simple' | 'list' | 'set' | 'map' | 'struct';
  readonly storageClassType: string;
}

export const hclString = (value: string | undefined): HclAttribute => ({
  value,
  isBlock: false,
  type: 'simple',
  storageClassType: 'string',
});

export const hclBoolean = (value: boolean | undefined): HclAttribute => ({
  value,
  isBlock: false,
  type: 'simple',
  storageClassType: 'boolean',
});

export const hclStringList = (value: readonly string[] | undefined, type: 'list' | 'set'): HclAttribute => ({
  value,
  isBlock: false,
  type,
  storageClassType: 'stringList',
});

export const hclStringMap = (value: Readonly<Record<string, string>> | undefined): HclAttribute => ({
  value,
  isBlock: false,
  type: 'map',
  storageClassType: 'stringMap',
});

/**
 * A nested block. The generated bindings call a single block (`identity`, `ssh`) a `list` too, but give it as
 * one object, not a list of one.
 */
export const hclBlock = (value: object | undefined, storageClassType: string): HclAttribute => ({
  value,
  isBlock: true,
  type: 'list',
  storageClassType,
});

/** The arguments that have a value: the generated bindings leave out the others. */
export function hclAttributes(attributes: Record<string, HclAttribute>): Record<string, HclAttribute> {
  return Object.fromEntries(Object.entries(attributes).filter(([, a]) => a.value !== undefined));
}
