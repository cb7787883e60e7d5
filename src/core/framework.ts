/**
 * The one module of the library that imports the Terraform CDK framework. Everything else imports the
 * framework's names from here, so one source builds two entries: this file as written, for cdktf 0.21, and
 * (at build time, scripts/build-cdktn.js) the same file with `cdktf` replaced by `cdktn`, for CDK Terrain 0.24.
 */

/**
 * Fails with what to do when the entry's framework is not installed, before the re-exports below load it
 * (they compile to `require` calls in this order) and fail with a bare "Cannot find module".
 */
function requireInstalled(framework: string, otherFramework: string, otherEntry: string): void {
  try {
    require.resolve(framework);
  } catch {
    throw new Error(
      `cdktf-azureml-compute: this entry is built for ${framework}, which is not installed here: install ${framework}, or, with ${otherFramework}, import from '${otherEntry}'.`,
    );
  }
}
requireInstalled('cdktf', 'cdktn', 'cdktf-azureml-compute/cdktn');
import { Token as FrameworkToken } from 'cdktf';
import { useFrameworkTokenTest } from './tokens';

export {
  Annotations,
  App,
  Fn,
  ITerraformDependable,
  TerraformMetaArguments,
  TerraformElement,
  TerraformProvider,
  TerraformResource,
  TerraformResourceConfig,
  TerraformStack,
  Token,
  Tokenization,
} from 'cdktf';
// Tokens resolve against a scope only through this module; it is public in the package, not in its index.
export { resolve } from 'cdktf/lib/_tokens';

// Validation recognizes this framework's tokens; without this module loaded (the aml-compute command) it has none.
useFrameworkTokenTest((value) => FrameworkToken.isUnresolved(value));
