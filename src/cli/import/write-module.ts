import { call, print, raw, stringLiteral, templateLiteral } from './code';
import type { InstanceCode } from './props-to-code';

const LIBRARY_NAMES = ['ComputeInstance', 'Duration', 'SetupScript', 'StartStopSchedule'];

/**
 * The TypeScript module `aml-compute import` prints: `addInstances(scope)` declaring every instance, with
 * the library names it uses imported, script texts as constants above it, and what the import found as
 * comments at each instance.
 */
export function writeModule(instances: readonly InstanceCode[], sources: readonly string[]): string {
  const body = instances.map((i) => {
    const comments = i.comments.map((c) => `  // ${c}\n`).join('');
    const statement = call('new ComputeInstance', raw('scope'), raw(stringLiteral(i.constructId)), i.props);
    return `${comments}  ${print(statement, '  ', 2, ';')}\n`;
  });
  const constants = instances.flatMap((i) => i.constants).map((c) => `const ${c.name} = ${templateLiteral(c.text)};\n`);
  const text = [...body, ...constants].join('');
  const used = LIBRARY_NAMES.filter((name) => new RegExp(`\\b${name}\\b`).test(text));
  const refused = instances.filter((i) => i.refusals.length > 0).length;
  const header = [
    `// Written by \`aml-compute import\` from ${[...sources].sort().join(', ')}.`,
    '// The compute instances Azure reported, each marked existing: the first `terraform apply` imports them.',
    ...(refused > 0
      ? [
          `// ${refused === 1 ? '1 instance breaks' : `${refused} instances break`} a rule of cdktf-azureml-compute: the values are kept and marked`,
          '// "the library refuses"; addInstances throws the library\'s ValidationError until they are changed.',
        ]
      : []),
  ];
  return [
    ...header.map((h) => `${h}\n`),
    "import { Construct } from 'constructs';\n",
    `import { ${used.join(', ')} } from 'cdktf-azureml-compute';\n`,
    '\n',
    ...(constants.length > 0 ? [...constants, '\n'] : []),
    'export function addInstances(scope: Construct): void {\n',
    body.join('\n'),
    '}\n',
  ].join('');
}
