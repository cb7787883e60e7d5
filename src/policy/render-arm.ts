import { ArmTemplateBuilder, DEPLOYMENT_TEMPLATE_SCHEMA } from '../arm/template-builder';
import { isToken } from '../core/tokens';
import {
  assignmentParameters,
  definitionParameters,
  initiativeDescription,
  initiativeDisplayName,
  initiativeParameters,
  POLICY_METADATA,
  referenceParameterValues,
} from './initiative';
import { definitionName } from './policy-names';
import { ResolvedScope } from './policy-scope';
import { ShutdownRule } from './shutdown-rule';

const POLICY_API_VERSION = '2023-04-01';
const DEPLOYMENTS_API_VERSION = '2022-09-01';

/**
 * ARM reads every string that starts with `[` as a template expression, and policy rules are full of
 * them (`[parameters('effect')]`). The usual escape, `[[`, is valid ARM but the 2020-10-01 policy rule
 * schema rejects it when it reads the template; `[string('...')]` gives Azure the same text and passes
 * the schema. Terraform references become template parameters.
 */
function policyJson<T>(value: T, builder: ArmTemplateBuilder, path: string): T {
  if (typeof value === 'string') {
    if (isToken(value)) return builder.translate(value, path);
    return (value.startsWith('[') ? `[string('${value.replace(/'/g, "''")}')]` : value) as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => policyJson(v, builder, `${path}.${i}`)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, policyJson(v, builder, `${path}.${k}`)])) as T;
  }
  return value;
}

/**
 * The policy's resources for an ARM deployment at its definition scope: the management group
 * (`az deployment mg create`), or the subscription (`az deployment sub create`), where the definitions
 * and the initiative are created and the initiative is assigned; a resource-group assignment is a nested
 * deployment into that group.
 *
 * The template keeps ArmTemplate's resource-group `$schema` (2019-04-01 deploymentTemplate.json) although
 * Azure's docs name managementGroupDeploymentTemplate.json (2019-08-01) and subscriptionDeploymentTemplate.json
 * (2018-05-01) for these scopes. The deployment's scope is the one the request targets (`az deployment mg|sub
 * create`); the azurerm provider's own examples of management-group and subscription template deployments use
 * deploymentTemplate.json too. And the project's conformance checker recognizes a template only by a `$schema`
 * containing "deploymentTemplate" (lower-case d): with either scope-specific name it would stop checking the
 * policy template's definitions at all, which costs more than an editor's hint is worth.
 */
export function policyArmResources(
  builder: ArmTemplateBuilder,
  prefix: string,
  name: string,
  target: ResolvedScope,
  rules: readonly ShutdownRule[],
): object[] {
  const resourceId = target.kind === 'managementGroup' ? 'managementGroupResourceId' : 'subscriptionResourceId';
  const idOf = (type: 'policyDefinitions' | 'policySetDefinitions', resourceName: string) =>
    `[${resourceId}('Microsoft.Authorization/${type}', '${resourceName}')]`;
  const custom = rules.filter((r) => r.policyRule !== undefined);
  const definitions = custom.map((rule) => ({
    type: 'Microsoft.Authorization/policyDefinitions',
    apiVersion: POLICY_API_VERSION,
    name: definitionName(name, rule.key),
    properties: {
      policyType: 'Custom',
      mode: 'All',
      displayName: rule.displayName,
      description: rule.description,
      metadata: POLICY_METADATA,
      parameters: definitionParameters(rule),
      policyRule: policyJson(rule.policyRule, builder, `${prefix}.${rule.name}.policyRule`),
    },
  }));
  const initiativeId = idOf('policySetDefinitions', name);
  const initiative = {
    type: 'Microsoft.Authorization/policySetDefinitions',
    apiVersion: POLICY_API_VERSION,
    name,
    comments: deploymentNote(target),
    dependsOn: custom.map((r) => idOf('policyDefinitions', definitionName(name, r.key))),
    properties: {
      policyType: 'Custom',
      displayName: initiativeDisplayName(name),
      description: initiativeDescription(rules),
      metadata: POLICY_METADATA,
      parameters: initiativeParameters(rules),
      policyDefinitions: rules.map((rule) => ({
        policyDefinitionReferenceId: rule.name,
        policyDefinitionId: rule.builtInDefinitionId ?? idOf('policyDefinitions', definitionName(name, rule.key)),
        parameters: policyJson(referenceParameterValues(rule), builder, `${prefix}.${rule.name}.parameters`),
      })),
    },
  };
  const assignment = {
    type: 'Microsoft.Authorization/policyAssignments',
    apiVersion: POLICY_API_VERSION,
    name,
    ...(target.kind === 'resourceGroup' ? {} : { dependsOn: [initiativeId] }),
    properties: {
      displayName: initiativeDisplayName(name),
      description: `Assigns ${initiativeDisplayName(name)} to ${target.label}.`,
      policyDefinitionId: initiativeId,
      parameters: assignmentParameters(rules),
      nonComplianceMessages: rules.map((r) => ({
        message: r.nonComplianceMessage,
        policyDefinitionReferenceId: r.name,
      })),
    },
  };
  if (target.kind !== 'resourceGroup') return [...definitions, initiative, assignment];
  const groupName =
    target.resourceGroupName !== undefined
      ? target.resourceGroupName
      : `[last(split(${builder.expressionFor(target.resourceGroupId, `${prefix}.resourceGroupId`)}, '/'))]`;
  return [
    ...definitions,
    initiative,
    {
      type: 'Microsoft.Resources/deployments',
      apiVersion: DEPLOYMENTS_API_VERSION,
      name: `${name}-assignment`,
      resourceGroup: groupName,
      dependsOn: [initiativeId],
      properties: {
        mode: 'Incremental',
        template: { $schema: DEPLOYMENT_TEMPLATE_SCHEMA, contentVersion: '1.0.0.0', resources: [assignment] },
      },
    },
  ];
}

function deploymentNote(target: ResolvedScope): string {
  if (target.kind === 'managementGroup') {
    return `Deploy this template at the management group (az deployment mg create): ${target.label}.`;
  }
  return `Deploy this template in the subscription (az deployment sub create): ${target.label}.`;
}
