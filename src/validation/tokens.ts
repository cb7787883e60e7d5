import { Token } from '../framework';

/**
 * True when the value is a cdktf token (a Terraform reference known only at apply): checks that need the
 * literal skip it, since Azure will judge it then.
 */
export function isToken(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && Token.isUnresolved(value);
}
