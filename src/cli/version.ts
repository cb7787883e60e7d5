/** The package's version, for SARIF's tool driver (package.json is in every packed package). */
export function packageVersion(): string {
  return (require('../../../package.json') as { version: string }).version;
}
