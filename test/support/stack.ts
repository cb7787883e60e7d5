import { App, Testing, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ComputeInstanceProps } from '../../src';
// The library recognizes cdktf's tokens once src/core/framework is loaded, as the package's index loads it; a test
// that imports one module of the library directly loads it here.
import '../../src/core/framework';

export const SUBSCRIPTION = '00000000-0000-0000-0000-000000000001';
export const WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw`;
export const SUBNET_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/compute`;
export const TENANT_ID = '11111111-1111-1111-1111-111111111111';
export const OBJECT_ID = 'aaaaaaaa-0000-0000-0000-000000000001';
/** A real ed25519 public key (generated for these tests; its private half was discarded). */
export const ED25519_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK33/Qpei5tjffpRI3CwcZ1pb38cymQ8fAK2V3LHoMBi test@example';

/** The props every test starts from: only the required ones. */
export const REQUIRED: ComputeInstanceProps = {
  name: 'ci-alice',
  workspaceId: WORKSPACE_ID,
  location: 'westeurope',
  vmSize: 'Standard_DS3_v2',
};

export function newStack(id = 'test'): { app: App; stack: TerraformStack } {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  return { app, stack };
}

/** The synthesized Terraform JSON of a stack, parsed. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** The one resource of `type` in the synthesized JSON (fails when there is not exactly one). */
export function onlyResource(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return stripMetadata(all[0]);
}

export function resources(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {}).map(stripMetadata);
}

function stripMetadata(r: any): any {
  const { '//': _meta, ...rest } = r;
  void _meta;
  return rest;
}

/** Runs `fn` and returns the error it throws; fails the test when it does not throw. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, none was thrown');
}

/** The warning annotations added to a construct (cdktf stores them as `@cdktf/warn` metadata). */
export function warningsOf(c: IConstruct): string[] {
  return c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data as string);
}

/** `${type}.${key}` of the only resource of `type` whose key starts with `idPrefix`. */
export function addressOf(json: any, type: string, idPrefix: string): string {
  const keys = Object.keys(json.resource?.[type] ?? {}).filter((k) => k.startsWith(`${idPrefix}_`));
  if (keys.length !== 1) throw new Error(`expected one ${type} named ${idPrefix}_*, found ${keys.length}`);
  return `${type}.${keys[0]}`;
}
