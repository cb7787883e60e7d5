import {
  ComputeInstanceProps,
  Duration,
  RosterPerson,
  RosterWorkspace,
  SetupScriptBuilder,
  StartStopSchedule,
} from '../../src';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

/** The compute instance a roster entry asks for: created on the person's behalf, stopped until first used. */
export function personProps(person: RosterPerson, workspace: RosterWorkspace, tenantId: string): ComputeInstanceProps {
  const { days = [...WEEKDAYS], start, stop } = person.workingHours;
  const setup = person.setup;
  let startup: SetupScriptBuilder | undefined;
  if (setup?.python !== undefined || setup?.packages !== undefined) {
    startup = new SetupScriptBuilder().condaEnvironment('work', {
      python: setup.python ?? '3.11',
      packages: setup.packages ?? [],
    });
  }
  if (setup?.repository !== undefined) startup = (startup ?? new SetupScriptBuilder()).gitClone(setup.repository);
  return {
    name: `ci-${person.name}`,
    workspaceId: workspace.id,
    location: workspace.location,
    vmSize: person.vmSize,
    subnetId: workspace.subnetId,
    assignedUser: { objectId: person.objectId, tenantId, grantAccess: true },
    initialState: 'Stopped',
    schedules: StartStopSchedule.workingHours({ days, start, stop, timeZone: person.timeZone }),
    idleShutdown: Duration.minutes(person.idleShutdownMinutes ?? 60),
    setupScripts: startup ? { startup: startup.build({ timeout: Duration.minutes(30) }) } : undefined,
    tags: { owner: person.name, fleet: 'ml-platform' },
  };
}
