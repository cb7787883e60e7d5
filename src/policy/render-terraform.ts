import { Construct } from 'constructs';
import { ManagementGroupPolicyAssignment } from '../bindings/azurerm/management-group-policy-assignment';
import { ManagementGroupPolicySetDefinition } from '../bindings/azurerm/management-group-policy-set-definition';
import { PolicyDefinition } from '../bindings/azurerm/policy-definition';
import { PolicyDefinitionReference, PolicySetDefinition } from '../bindings/azurerm/policy-set-definition';
import { ResourceGroupPolicyAssignment } from '../bindings/azurerm/resource-group-policy-assignment';
import { SubscriptionPolicyAssignment } from '../bindings/azurerm/subscription-policy-assignment';
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
  const initiative = {
    name,
    policyType: 'Custom',
    displayName: initiativeDisplayName(name),
    description: initiativeDescription(rules),
    metadata: json(POLICY_METADATA),
    parameters: json(initiativeParameters(rules)),
    policyDefinitionReference: references,
  };
  const initiativeId =
    managementGroupId !== undefined
      ? new ManagementGroupPolicySetDefinition(scope, 'Initiative', { ...initiative, managementGroupId }).id
      : new PolicySetDefinition(scope, 'Initiative', initiative).id;

  const assignment = {
    name,
    policyDefinitionId: initiativeId,
    displayName: initiativeDisplayName(name),
    description: `Assigns ${initiativeDisplayName(name)} to ${target.label}.`,
    parameters: json(assignmentParameters(rules)),
    nonComplianceMessage: rules.map((r) => ({ content: r.nonComplianceMessage, policyDefinitionReferenceId: r.name })),
  };
  const assignmentId =
    target.kind === 'managementGroup'
      ? new ManagementGroupPolicyAssignment(scope, 'Assignment', {
          ...assignment,
          managementGroupId: target.managementGroupId,
        }).id
      : target.kind === 'subscription'
        ? new SubscriptionPolicyAssignment(scope, 'Assignment', {
            ...assignment,
            subscriptionId: target.subscriptionResourceId,
          }).id
        : new ResourceGroupPolicyAssignment(scope, 'Assignment', {
            ...assignment,
            resourceGroupId: target.resourceGroupId,
          }).id;
  return { initiativeId, assignmentId };
}
