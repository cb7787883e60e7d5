import * as path from 'node:path';
import { isPlainObject } from '../../core/plain-object';
import { CliIo, UnusableInput } from '../io';

/** The Terraform CDK a generated module is written for: cdktf 0.21 or CDK Terrain (cdktn) 0.24. */
export type Framework = 'cdktf' | 'cdktn';

const FRAMEWORKS: readonly Framework[] = ['cdktf', 'cdktn'];

/**
 * Where each framework's module imports the library from: the package's main entry is built against cdktf,
 * its `cdktn` entry against cdktn (package.json `exports`, scripts/build-cdktn.js). Both entries type a
 * construct's scope as `Construct` from `constructs`, the package both frameworks build on.
 */
export const LIBRARY_ENTRY: Record<Framework, string> = {
  cdktf: 'cdktf-azureml-compute',
  cdktn: 'cdktf-azureml-compute/cdktn',
};

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies'];

/**
 * The framework asked for with `--framework`, else the one the nearest package.json (from `startDir` upward)
 * depends on: cdktn when it lists cdktn and not cdktf, else cdktf (also when no package.json is found).
 */
export function frameworkFor(given: string | undefined, startDir: string, io: CliIo): Framework {
  if (given !== undefined) {
    if (!(FRAMEWORKS as readonly string[]).includes(given))
      throw new UnusableInput(`--framework ${given}: allowed: ${FRAMEWORKS.join(' or ')}`);
    return given as Framework;
  }
  const manifest = nearestPackageJson(path.resolve(startDir), io);
  if (manifest === undefined) return 'cdktf';
  const depends = (name: string) =>
    DEPENDENCY_FIELDS.some((field) => {
      const deps = isPlainObject(manifest.json) ? manifest.json[field] : undefined;
      return isPlainObject(deps) && Object.hasOwn(deps, name);
    });
  return depends('cdktn') && !depends('cdktf') ? 'cdktn' : 'cdktf';
}

function nearestPackageJson(dir: string, io: CliIo): { file: string; json: unknown } | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    const file = path.join(at, 'package.json');
    let text: string | undefined;
    try {
      text = io.readFile(file);
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      try {
        return { file, json: JSON.parse(text.replace(/^\uFEFF/, '')) };
      } catch (e) {
        throw new UnusableInput(
          `${file}: not JSON (${(e as Error).message}); the framework is read from it: pass --framework ${FRAMEWORKS.join(' or ')}`,
        );
      }
    }
    if (path.dirname(at) === at) return undefined;
  }
}
