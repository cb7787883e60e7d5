import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ComputeInstance, Duration, Roster, ShutdownPolicy, StartStopSchedule } from '../../src';
import { BackendSettings, remoteState } from './backend';
import { personProps } from './person';
import { declareProviders } from './providers';

/** One workspace's compute instances, with their own state: a plan touches one workspace at a time. */
export class WorkspaceStack extends TerraformStack {
  constructor(scope: Construct, id: string, roster: Roster, workspaceKey: string, backend: BackendSettings) {
    super(scope, id);
    const workspace = roster.workspaces[workspaceKey];
    declareProviders(this);
    remoteState(this, backend);
    for (const person of roster.people.filter((p) => p.workspace === workspaceKey)) {
      new ComputeInstance(this, person.name, personProps(person, workspace, roster.tenantId));
    }
  }
}

/** The most idle time the fleet's policy allows (Deny): an entry asking for more fails the synth. */
export const IDLE_SHUTDOWN_CAP = Duration.hours(4);

/**
 * The fleet's guardrails at the management group that holds its subscriptions. At synth the policy also
 * checks every compute instance of the app (a management group's subscriptions are not in the ids), so a
 * roster entry over the cap fails `npm run synth` instead of `terraform apply`.
 */
export class GovernanceStack extends TerraformStack {
  constructor(scope: Construct, id: string, backend: BackendSettings) {
    super(scope, id);
    declareProviders(this);
    remoteState(this, backend);
    new ShutdownPolicy(this, 'shutdown', {
      name: 'ml-fleet-shutdown',
      scope: { managementGroupId: 'mg-ml-fleet' },
      defaultSchedules: [StartStopSchedule.cron({ action: 'Stop', expression: '0 20 * * *', timeZone: 'UTC' })],
      requireSchedules: 'Deny',
      idleShutdown: { effect: 'Deny', max: IDLE_SHUTDOWN_CAP },
    });
  }
}
