import { Fn } from '../core/framework';
import { Problems } from '../core/errors';
import { ARM_ID, armIdName, armIdRefused, guidRefused } from '../validation/field-checks';
import { isToken } from '../core/tokens';

/** Where a ShutdownPolicy is assigned: exactly one of a management group, a subscription or a resource group. */
export type ShutdownPolicyScope =
  { readonly managementGroupId: string } | { readonly subscriptionId: string } | { readonly resourceGroupId: string };

/** A scope, normalized: ids in the form azurerm takes, and the parts the synth-time check compares. */
export type ResolvedScope =
  | { readonly kind: 'managementGroup'; readonly managementGroupId: string; readonly label: string }
  | {
      readonly kind: 'subscription';
      readonly subscriptionResourceId: string;
      readonly subscriptionId?: string;
      readonly label: string;
    }
  | {
      readonly kind: 'resourceGroup';
      readonly resourceGroupId: string;
      readonly subscriptionId?: string;
      readonly resourceGroupName?: string;
      readonly label: string;
    };

const MANAGEMENT_GROUP_PREFIX = '/providers/Microsoft.Management/managementGroups/';
/** Azure's management group name: up to 90 letters, digits, `-`, `_`, `(`, `)` and `.`, not ending in `.`. */
const MANAGEMENT_GROUP_NAME = /^[A-Za-z0-9\-_().]{0,89}[A-Za-z0-9\-_()]$/;
const SCOPE_KEYS = ['managementGroupId', 'subscriptionId', 'resourceGroupId'] as const;
const ALLOWED: Record<(typeof SCOPE_KEYS)[number], string> = {
  managementGroupId: `a management group name (up to 90 letters, digits, -, _, (, ), .) or its id ${MANAGEMENT_GROUP_PREFIX}<name>`,
  subscriptionId: 'a subscription GUID, or /subscriptions/<GUID>',
  resourceGroupId: `an ARM id of the form ${ARM_ID.resourceGroup.example}`,
};

/** Validates a scope (problems under `scope`) and normalizes it. */
export function resolveScope(problems: Problems, scope: ShutdownPolicyScope | undefined): ResolvedScope | undefined {
  const given = SCOPE_KEYS.filter(
    (k) => scope !== undefined && scope !== null && (scope as Record<string, unknown>)[k] !== undefined,
  );
  if (given.length !== 1) {
    problems.add('scope', scope, 'exactly one of { managementGroupId }, { subscriptionId } or { resourceGroupId }');
    return undefined;
  }
  const [key] = given;
  const value: unknown = (scope as Record<string, unknown>)[key];
  if (typeof value !== 'string') {
    problems.add(`scope.${key}`, value, ALLOWED[key]);
    return undefined;
  }
  if (key === 'managementGroupId') return managementGroup(problems, value);
  if (key === 'subscriptionId') return subscription(problems, value);
  return resourceGroup(problems, value);
}

function managementGroup(problems: Problems, value: string): ResolvedScope | undefined {
  if (isToken(value))
    return { kind: 'managementGroup', managementGroupId: value, label: 'the management group (known at apply)' };
  const name = value.startsWith('/') ? value.slice(MANAGEMENT_GROUP_PREFIX.length) : value;
  const wellFormed =
    (value.startsWith('/') ? value.toLowerCase().startsWith(MANAGEMENT_GROUP_PREFIX.toLowerCase()) : true) &&
    MANAGEMENT_GROUP_NAME.test(name);
  if (!wellFormed) {
    problems.add('scope.managementGroupId', value, ALLOWED.managementGroupId);
    return undefined;
  }
  return {
    kind: 'managementGroup',
    managementGroupId: `${MANAGEMENT_GROUP_PREFIX}${name}`,
    label: `management group ${name}`,
  };
}

function subscription(problems: Problems, value: string): ResolvedScope | undefined {
  if (isToken(value)) {
    // A reference may hold the GUID or the id; azurerm's assignment takes the id.
    const subscriptionResourceId = `/subscriptions/${Fn.replace(value, '/subscriptions/', '')}`;
    return { kind: 'subscription', subscriptionResourceId, label: 'the subscription (known at apply)' };
  }
  const guid = value.replace(/^\/subscriptions\//i, '');
  if (guidRefused(guid) !== undefined || (value.startsWith('/') && !/^\/subscriptions\//i.test(value))) {
    problems.add('scope.subscriptionId', value, ALLOWED.subscriptionId);
    return undefined;
  }
  return {
    kind: 'subscription',
    subscriptionResourceId: `/subscriptions/${guid}`,
    subscriptionId: guid,
    label: `subscription ${guid}`,
  };
}

function resourceGroup(problems: Problems, value: string): ResolvedScope | undefined {
  if (isToken(value))
    return { kind: 'resourceGroup', resourceGroupId: value, label: 'the resource group (known at apply)' };
  if (!ARM_ID.resourceGroup.pattern.test(value)) {
    problems.add('scope.resourceGroupId', value, armIdRefused(value, 'resourceGroup') ?? ALLOWED.resourceGroupId, {
      whole: true,
    });
    return undefined;
  }
  const subscriptionId = value.split('/')[2];
  return {
    kind: 'resourceGroup',
    resourceGroupId: value,
    subscriptionId,
    resourceGroupName: armIdName(value),
    label: `resource group ${armIdName(value)} in subscription ${subscriptionId}`,
  };
}

/**
 * True when a compute instance of the workspace `workspaceId` falls under the scope, or when the ids
 * cannot tell: a management group's subscriptions are not in the ids, and a reference is known only at apply.
 */
export function scopeCovers(scope: ResolvedScope, workspaceId: string): boolean {
  if (isToken(workspaceId) || scope.kind === 'managementGroup') return true;
  const [, , subscriptionId, , resourceGroupName] = workspaceId.split('/');
  const sameSubscription =
    scope.subscriptionId === undefined || scope.subscriptionId.toLowerCase() === subscriptionId?.toLowerCase();
  if (scope.kind === 'subscription') return sameSubscription;
  return (
    sameSubscription &&
    (scope.resourceGroupName === undefined ||
      scope.resourceGroupName.toLowerCase() === resourceGroupName?.toLowerCase())
  );
}
