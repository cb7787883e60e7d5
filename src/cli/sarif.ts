/**
 * SARIF 2.1.0 logs (OASIS Static Analysis Results Interchange Format), the format GitHub code scanning
 * uploads (`github/codeql-action/upload-sarif`) to annotate a pull request. One run, one tool.
 */

export interface SarifRule {
  readonly id: string;
  readonly description: string;
}

interface SarifResult {
  readonly ruleId: string;
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
  readonly file: string;
  readonly line?: number;
  /** The JSON path, as a logical location. */
  readonly path: string;
}

const TOOL_NAME = 'aml-compute';

export function sarifLog(rules: readonly SarifRule[], results: readonly SarifResult[], version: string): unknown {
  const used = [...new Set(results.map((r) => r.ruleId))].sort();
  const ruleList = rules.filter((r) => used.includes(r.id));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version,
            informationUri: 'https://www.npmjs.com/package/cdktf-azureml-compute',
            rules: ruleList.map((r) => ({ id: r.id, shortDescription: { text: r.description } })),
          },
        },
        results: results.map((r) => ({
          ruleId: r.ruleId,
          ruleIndex: ruleList.findIndex((x) => x.id === r.ruleId),
          level: r.level,
          message: { text: r.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.file.split('\\').join('/') },
                ...(r.line !== undefined ? { region: { startLine: r.line } } : {}),
              },
              logicalLocations: [{ fullyQualifiedName: r.path, kind: 'member' }],
            },
          ],
        })),
      },
    ],
  };
}
