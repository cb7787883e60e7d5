import { LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Duration, ShutdownPolicy, StartStopSchedule } from '../src';

/**
 * A platform team's guardrail for every data-science subscription under one management group: compute
 * instances created without schedules get a nightly stop, an instance that cannot be stopped by a schedule
 * is refused, and idle shutdown defaults to an hour and may not exceed four.
 *
 * Terraform: `cdktf deploy shutdown-policy`. ARM: `az deployment mg create --management-group-id mg-data-science
 * --location westeurope --template-file cdktf.out/arm/shutdown-policy.json`.
 */
export class ShutdownPolicyStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new LocalBackend(this, { path: `terraform.${id}.tfstate` });
    new ShutdownPolicy(this, 'shutdown', {
      name: 'ml-shutdown',
      scope: { managementGroupId: 'mg-data-science' },
      defaultSchedules: [
        StartStopSchedule.cron({ action: 'Stop', expression: '0 22 * * *', timeZone: 'Pacific Standard Time' }),
      ],
      requireSchedules: 'Deny',
      idleShutdown: { effect: 'Append', default: Duration.hours(1), max: Duration.hours(4) },
    });
  }
}
