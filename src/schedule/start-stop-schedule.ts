import { ArmComputeStartStopSchedule, ScheduleAction } from '../compute-instance-spec';
import { Problems } from '../errors';

export interface CronScheduleProps {
  /** What the schedule does to the instance. */
  readonly action: ScheduleAction;
  /** Five fields: minute hour day-of-month month day-of-week (Sunday = 0). */
  readonly expression: string;
  /**
   * A Windows time zone id.
   * @default 'UTC'
   */
  readonly timeZone?: string;
  /**
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * When the schedule begins to apply, `yyyy-MM-ddTHH:mm:ss` in `timeZone`.
   * @default - it applies from creation
   */
  readonly startTime?: string;
}

/**
 * A start or stop schedule of a compute instance: one entry of its `schedules.computeStartStop`.
 * Made by the static factories; the constructor is not public.
 */
export class StartStopSchedule {
  static cron(props: CronScheduleProps): StartStopSchedule {
    const problems = new Problems('StartStopSchedule.cron');
    if (props.action !== 'Start' && props.action !== 'Stop') problems.add('action', props.action, 'allowed: "Start" or "Stop"');
    if (typeof props.expression !== 'string' || props.expression.trim().split(/\s+/).length !== 5) {
      problems.add('expression', props.expression, 'allowed: 5 fields: minute hour day-of-month month day-of-week');
    }
    problems.throwIfAny();
    return new StartStopSchedule({
      action: props.action,
      triggerType: 'Cron',
      status: props.enabled === false ? 'Disabled' : 'Enabled',
      cron: {
        expression: props.expression,
        timeZone: props.timeZone ?? 'UTC',
        ...(props.startTime !== undefined ? { startTime: props.startTime } : {}),
      },
    });
  }

  protected constructor(private readonly entry: ArmComputeStartStopSchedule) {}

  get action(): ScheduleAction {
    return this.entry.action;
  }

  /** The ARM `computeStartStop` entry. */
  toArm(): ArmComputeStartStopSchedule {
    return structuredClone(this.entry);
  }
}
