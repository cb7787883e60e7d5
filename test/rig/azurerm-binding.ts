import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as ts from 'typescript';
import type { CtyType } from './schemas/schema-types';

/**
 * What a generated class of `@cdktf/provider-azurerm` 14.23.1 tells of a block's schema, which cdktf's
 * generator read from `terraform providers schema -json` of azurerm 4.55.0 (the package's README):
 * - the `*Config` interface (index.d.ts) names each argument and block (the registry link's `#snake_name`),
 *   required ones without `?`; a block typed as one object, not an array, has max_items 1;
 * - `synthesizeHclAttributes` and the `*ToHclTerraform` functions (index.js) give each argument's type
 *   (`type` and `storageClassType`) and each block's nesting (`list`, `set`, or `struct` for 'single');
 * - a getter with no `*Input` twin (index.d.ts) is a computed-only attribute.
 * What the bindings cannot tell: optional-and-computed from optional, list from set for a computed-only
 * attribute, and min_items beyond "required" (at least 1).
 */
export interface BindingShape {
  readonly attributes: Record<string, { readonly kind: Kind; readonly type?: CtyType }>;
  readonly blocks: Record<string, BindingBlock>;
}

export interface BindingBlock {
  readonly nesting: 'list' | 'set' | 'single';
  readonly required: boolean;
  readonly maxOne: boolean;
  readonly shape: BindingShape;
}

export type Kind = 'required' | 'optional' | 'computed';

interface Member {
  readonly camel: string;
  readonly optional: boolean;
  readonly typeText: string;
}

interface HclEntry {
  readonly isBlock: boolean;
  readonly type: string;
  readonly storageClassType: string;
}

/** The package's directory, found through a deep path (the package root exports nothing else). */
const LIB = dirname(dirname(require.resolve('@cdktf/provider-azurerm/lib/provider/index.js')));

/** The shape of `className` in `lib/<dir>` (a resource class, or `AzurermProvider`), read from its files. */
export function bindingShape(dir: string, className: string, ignore: readonly string[] = []): BindingShape {
  const dts = readFileSync(join(LIB, dir, 'index.d.ts'), 'utf8');
  const js = readFileSync(join(LIB, dir, 'index.js'), 'utf8');
  const source = ts.createSourceFile('index.d.ts', dts, ts.ScriptTarget.ES2022, true);
  const interfaces = new Map<string, Map<string, Member>>();
  const getters = new Map<string, Set<string>>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, membersOf(node, source));
    if (ts.isClassDeclaration(node) && node.name) getters.set(node.name.text, gettersOf(node));
  });
  const classBody = sliceFrom(js, `class ${className} extends`);
  const top = hclEntries(sliceFrom(classBody, 'synthesizeHclAttributes() {'));
  const shape = (iface: string, entries: Map<string, HclEntry>, outputClass: string): BindingShape => {
    const members = interfaces.get(iface);
    if (!members) throw new Error(`${dir}: no interface ${iface}`);
    const attributes: Record<string, { kind: Kind; type?: CtyType }> = {};
    const blocks: Record<string, BindingBlock> = {};
    for (const [name, entry] of entries) {
      if (ignore.includes(name)) continue;
      const member = members.get(name);
      if (!member) throw new Error(`${dir}: ${iface} has no member for ${name}`);
      if (!entry.isBlock) {
        attributes[name] = { kind: member.optional ? 'optional' : 'required', type: ctyOf(entry, `${dir} ${name}`) };
        continue;
      }
      const nested = member.typeText.replace(/\[\]|\|\s*cdktf\.IResolvable|\s/g, '');
      const fn = `function ${nested[0].toLowerCase()}${nested.slice(1)}ToHclTerraform(struct) {`;
      blocks[name] = {
        nesting: entry.type === 'struct' ? 'single' : (entry.type as 'list' | 'set'),
        required: !member.optional,
        maxOne: !member.typeText.includes('[]'),
        shape: shape(nested, hclEntries(sliceFrom(js, fn)), `${nested}OutputReference`),
      };
    }
    const configured = new Set([...members.values()].map((m) => m.camel));
    for (const getter of getters.get(outputClass) ?? []) {
      if (configured.has(getter) || getters.get(outputClass)!.has(`${getter}Input`) || getter.endsWith('Input'))
        continue;
      if (getter === 'internalValue') continue;
      attributes[getter.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = { kind: 'computed' };
    }
    return { attributes, blocks };
  };
  return shape(`${className}Config`, top, className);
}

/** An interface's members by their Terraform name, read from the registry link in each member's JSDoc. */
function membersOf(node: ts.InterfaceDeclaration, source: ts.SourceFile): Map<string, Member> {
  const out = new Map<string, Member>();
  for (const m of node.members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const doc = source.text.slice(m.getFullStart(), m.getStart());
    const snake = /#(\w+) \w+#\w+\}/.exec(doc)?.[1];
    if (!snake) continue; // meta-arguments (TerraformMetaArguments) carry no registry link
    out.set(snake, { camel: m.name.getText(source), optional: !!m.questionToken, typeText: m.type.getText(source) });
  }
  return out;
}

function gettersOf(node: ts.ClassDeclaration): Set<string> {
  const out = new Set<string>();
  for (const m of node.members) if (ts.isGetAccessorDeclaration(m) && ts.isIdentifier(m.name)) out.add(m.name.text);
  return out;
}

/** The text from `marker` on; fails when the marker is missing, so a changed generator cannot pass unread. */
function sliceFrom(text: string, marker: string): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`not found: ${marker}`);
  return text.slice(at);
}

/** The entries of the first `const attrs = { ... };` of `code`. */
function hclEntries(code: string): Map<string, HclEntry> {
  const start = code.indexOf('const attrs = {');
  const length = /\n\s*\};/.exec(code.slice(start))?.index;
  if (start < 0 || length === undefined) throw new Error(`no attrs in ${code.slice(0, 80)}`);
  const body = code.slice(start, start + length);
  const out = new Map<string, HclEntry>();
  const entry = /(\w+): \{\s*value: [^\n]*\n\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)"/g;
  for (const m of body.matchAll(entry)) out.set(m[1], { isBlock: m[2] === 'true', type: m[3], storageClassType: m[4] });
  return out;
}

const SCALARS: Record<string, CtyType> = { string: 'string', boolean: 'bool', number: 'number' };

function ctyOf(entry: HclEntry, where: string): CtyType {
  if (entry.type === 'simple' && SCALARS[entry.storageClassType]) return SCALARS[entry.storageClassType];
  const element = /^(string|boolean|number)(List|Map)$/.exec(entry.storageClassType);
  if (element && ['list', 'set', 'map'].includes(entry.type)) {
    return [entry.type as 'list' | 'set' | 'map', SCALARS[element[1]]];
  }
  throw new Error(`${where}: unknown binding type ${entry.type}/${entry.storageClassType}`);
}
