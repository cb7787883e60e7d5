import {
  ComputeInstanceProps,
  Duration,
  RosterPerson,
  RosterWorkspace,
  SetupScript,
  SetupScriptBuilder,
  StartStopSchedule,
} from '../../src';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

/** The start and stop schedules of a person's working hours (Monday to Friday unless the roster says). */
export function personSchedules(person: RosterPerson): StartStopSchedule[] {
  const { days = [...WEEKDAYS], start, stop } = person.workingHours;
  return StartStopSchedule.workingHours({ days, start, stop, timeZone: person.timeZone });
}

/** The startup script of a person's setup: a conda environment, a repository cloned; none when none asked. */
export function personStartupScript(person: RosterPerson): SetupScript | undefined {
  const setup = person.setup;
  let startup: SetupScriptBuilder | undefined;
  if (setup?.python !== undefined || setup?.packages !== undefined) {
    startup = new SetupScriptBuilder().condaEnvironment('work', {
      python: setup.python ?? '3.11',
      packages: setup.packages ?? [],
    });
  }
  if (setup?.repository !== undefined) startup = (startup ?? new SetupScriptBuilder()).gitClone(setup.repository);
  return startup?.build({ timeout: Duration.minutes(30) });
}

/**
 * The compute instance a roster entry asks for: created on the person's behalf, stopped until first used.
 * `parts` are the schedules and script already made (the roster check makes them apart, to report each
 * part's mistakes on their own).
 */
export function personProps(
  person: RosterPerson,
  workspace: RosterWorkspace,
  tenantId: string,
  parts: { schedules: StartStopSchedule[]; startup?: SetupScript } = {
    schedules: personSchedules(person),
    startup: personStartupScript(person),
  },
): ComputeInstanceProps {
  return {
    name: `ci-${person.name}`,
    workspaceId: workspace.id,
    location: workspace.location,
    vmSize: person.vmSize,
    subnetId: workspace.subnetId,
    assignedUser: { objectId: person.objectId, tenantId, grantAccess: true },
    initialState: 'Stopped',
    schedules: parts.schedules,
    idleShutdown: Duration.minutes(person.idleShutdownMinutes ?? 60),
    setupScripts: parts.startup ? { startup: parts.startup } : undefined,
    tags: { owner: person.name, fleet: 'ml-platform' },
  };
}
