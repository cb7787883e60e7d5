/**
 * Template parameters are named `<construct path>.<prop>`, after the ComputeInstance prop the user wrote
 * (`alice.workspaceId`, `alice.subnetId`, `alice.assignedUser.objectId`), never after where the value sits in
 * the ARM body (`properties.properties.subnet.id`): the person filling in a parameter file knows the props.
 */

/** ARM body paths (dotted, list items by index) and the prop each comes from; the longest match wins. */
const PROP_OF_ARM_PATH: ReadonlyArray<readonly [string, string]> = [
  ['properties.properties.subnet.id', 'subnetId'],
  ['properties.properties.sshSettings.adminPublicKey', 'ssh.publicKey'],
  ['properties.properties.personalComputeInstanceSettings.assignedUser', 'assignedUser'],
  ['properties.properties.setupScripts.scripts.creationScript', 'setupScripts.creation'],
  ['properties.properties.setupScripts.scripts.startupScript', 'setupScripts.startup'],
  ['properties.properties.schedules.computeStartStop', 'schedules'],
  ['properties.properties.idleTimeBeforeShutdown', 'idleShutdown'],
  ['properties.properties.enableNodePublicIp', 'nodePublicIp'],
  ['properties.properties.enableSSO', 'sso'],
  ['properties.properties', ''],
  ['properties.disableLocalAuth', 'localAuth'],
  ['properties', ''],
  ['identity.userAssignedIdentities', 'identity.userAssignedIdentityIds'],
];

/** The prop path of a value found at `armPath` in a compute instance's ARM body. */
export function propPathOf(armPath: string): string {
  for (const [arm, prop] of PROP_OF_ARM_PATH) {
    if (armPath === arm) return prop;
    if (armPath.startsWith(`${arm}.`)) {
      const rest = armPath.slice(arm.length + 1);
      return prop === '' ? rest : `${prop}.${rest}`;
    }
  }
  return armPath;
}
