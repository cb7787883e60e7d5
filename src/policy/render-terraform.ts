import { Construct } from 'constructs';
import { PolicyAssignment } from '../bindings/azurerm/policy-assignment';
import { PolicyDefinition } from '../bindings/azurerm/policy-definition';
import { PolicyDefinitionReference, PolicySetDefinition } from '../bindings/azurerm/policy-set-definition';
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

/** azurerm takes policy JSON as strings; the bindings escape them for Terraform with every other argument. */
function json(value: unknown): string {
  return JSON.stringify(value);
}

interface PolicyTerraform {
  readonly initiativeId: string;
  readonly assignmentId: string;
}

/**
 * The definitions (at the management group, or in the provider's subscription), the initiative that
 * groups them and its one assignment. No rule modifies or deploys, so the assignment needs no identity,
 * location or role assignment.
 */
export function renderPolicyTerraform(
  scope: Construct,
  name: string,
  target: ResolvedScope,
  rules: readonly ShutdownRule[],
): PolicyTerraform {
  const managementGroupId = target.kind === 'managementGroup' ? target.managementGroupId : undefined;
  const references: PolicyDefinitionReference[] = rules.map((rule) => ({
    referenceId: rule.name,
    policyDefinitionId:
      rule.builtInDefinitionId ??
      new PolicyDefinition(scope, `Definition${rule.name}`, {
        name: definitionName(name, rule.key),
        policyType: 'Custom',
        mode: 'All',
        displayName: rule.displayName,
        description: rule.description,
        ...(managementGroupId !== undefined ? { managementGroupId } : {}),
        metadata: json(POLICY_METADATA),
        parameters: json(definitionParameters(rule)),
        policyRule: json(rule.policyRule),
      }).id,
    parameterValues: json(referenceParameterValues(rule)),
  }));
  const initiativeId = new PolicySetDefinition(scope, 'Initiative', {
    name,
    policyType: 'Custom',
    displayName: initiativeDisplayName(name),
    description: initiativeDescription(rules),
    metadata: json(POLICY_METADATA),
    parameters: json(initiativeParameters(rules)),
    managementGroupId,
    policyDefinitionReference: references,
  }).id;
  const assignmentId = new PolicyAssignment(scope, 'Assignment', {
    scopeKind: target.kind,
    scopeId:
      target.kind === 'managementGroup'
        ? target.managementGroupId
        : target.kind === 'subscription'
          ? target.subscriptionResourceId
          : target.resourceGroupId,
    name,
    policyDefinitionId: initiativeId,
    displayName: initiativeDisplayName(name),
    description: `Assigns ${initiativeDisplayName(name)} to ${target.label}.`,
    parameters: json(assignmentParameters(rules)),
    nonComplianceMessage: rules.map((r) => ({ content: r.nonComplianceMessage, policyDefinitionReferenceId: r.name })),
  }).id;
  return { initiativeId, assignmentId };
}
