import { ArmTemplate, ComputeInstance, SetupScript, StartStopSchedule } from '../../src';
import { QUICKSTART_SCHEDULES } from '../support/azure-samples';
import { newStack, OBJECT_ID, REQUIRED, TENANT_ID } from '../support/stack';

/**
 * Azure's quickstart `machine-learning-compute-create-computeinstance` (azuredeploy.json with its
 * azuredeploy.parameters.json): an instance created on behalf of a user, inline creation script `ls`, and
 * three schedules. Its compute resource, with the parameters filled in, must be what we declare for the same
 * inputs (we add our secure defaults on top).
 */
describe('the quickstart machine-learning-compute-create-computeinstance', () => {
  const quickstartProperties = {
    vmSize: 'Standard_DS3_v2',
    personalComputeInstanceSettings: { assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID } },
    setupScripts: {
      scripts: { creationScript: { scriptSource: 'inline', scriptData: Buffer.from('ls').toString('base64') } },
    },
    schedules: { computeStartStop: QUICKSTART_SCHEDULES },
  };

  test('its compute properties are carried unchanged, on API 2025-12-01', () => {
    const { stack } = newStack();
    new ComputeInstance(stack, 'quickstart', {
      ...REQUIRED,
      name: 'ci-quickstart',
      assignedUser: { objectId: OBJECT_ID, tenantId: TENANT_ID },
      setupScripts: { creation: SetupScript.inline('ls') },
      schedules: StartStopSchedule.fromArmList(QUICKSTART_SCHEDULES),
    });
    const [arm] = ArmTemplate.synth(stack).resources as any[];
    expect(arm.apiVersion).toBe('2025-12-01');
    expect(arm.properties.computeType).toBe('ComputeInstance');
    for (const [key, value] of Object.entries(quickstartProperties)) {
      expect([key, arm.properties.properties[key]]).toEqual([key, value]);
    }
    // What we add: the secure defaults.
    expect(arm.properties.disableLocalAuth).toBe(true);
    expect(arm.properties.properties.sshSettings).toEqual({ sshPublicAccess: 'Disabled' });
    expect(arm.name).toBe("[concat('mlw', '/', 'ci-quickstart')]");
  });
});
