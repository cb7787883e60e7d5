import { call, commentLines, lit, name, print, stringLiteral, textConstant } from './code';
import { Framework, LIBRARY_ENTRY } from './framework';
import type { InstanceCode } from './props-to-code';

const LIBRARY_NAMES = ['ComputeInstance', 'Duration', 'SetupScript', 'StartStopSchedule'];

/**
 * The TypeScript module `aml-compute import` writes: `addInstances(scope)` declaring every instance, with
 * the library names it uses imported from the framework's entry of the package, script texts as constants above it, and what the import found as
 * comments at each instance.
 */
export function writeModule(
  instances: readonly InstanceCode[],
  sources: readonly string[],
  framework: Framework,
): string {
  const body = instances.map((i) => {
    const statement = call('new ComputeInstance', name('scope'), lit(i.constructId), i.props);
    return `${commentLines(i.comments, '  ')}  ${print(statement, '  ', 2, ';')}\n`;
  });
  const constants = instances.flatMap((i) => i.constants).map((c) => textConstant(c.name, c.text));
  const text = [...body, ...constants].join('');
  const used = LIBRARY_NAMES.filter((libraryName) => new RegExp(`\\b${libraryName}\\b`).test(text));
  const refused = instances.filter((i) => i.refusals.length > 0).length;
  const header = [
    `Written by \`aml-compute import\` from ${[...sources].sort().join(', ')}.`,
    'The compute instances Azure reported, each marked existing: the first `terraform apply` imports them.',
    ...(refused > 0
      ? [
          `${refused === 1 ? '1 instance breaks' : `${refused} instances break`} a rule of cdktf-azureml-compute: the values are kept and marked`,
          '"the library refuses"; addInstances throws the library\'s ValidationError until they are changed.',
        ]
      : []),
  ];
  return [
    commentLines(header, ''),
    "import { Construct } from 'constructs';\n",
    `import { ${used.join(', ')} } from ${stringLiteral(LIBRARY_ENTRY[framework])};\n`,
    '\n',
    ...(constants.length > 0 ? [...constants, '\n'] : []),
    'export function addInstances(scope: Construct): void {\n',
    body.join('\n'),
    '}\n',
  ].join('');
}
