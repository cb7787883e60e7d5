/**
 * The benchmark's data, shared by the library workload and the baseline. It imports nothing from the
 * library, so that the baseline process never loads it: the library's load time is part of what is measured.
 */
export const WORKSPACE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw';
export const TENANT_ID = '11111111-1111-1111-1111-111111111111';
export const SETUP = '#!/bin/bash\nset -euo pipefail\npip install --quiet pandas scikit-learn\n';

const ZONES = [
  'W. Europe Standard Time',
  'Pacific Standard Time',
  'India Standard Time',
  'UTC',
  'Tokyo Standard Time',
  'E. South America Standard Time',
];

/**
 * The 4 schedules of instance `i` as [action, expression, time zone]. The shared workload gives every
 * instance the same set (a fleet's preset); the distinct one gives each of 2,160 combinations of minute,
 * hour and zone its own, more than the per-process validation caches keep, so every instance is checked
 * from scratch.
 */
export function scheduleSet(i: number, distinct: boolean): Array<['Start' | 'Stop', string, string]> {
  if (!distinct) {
    const zone = ZONES[0];
    return [
      ['Start', '0 8 * * 1-5', zone],
      ['Stop', '0 18 * * 1-4', zone],
      ['Stop', '0 16 * * 5', zone],
      ['Stop', '0 22 * * *', zone],
    ];
  }
  const minute = i % 60;
  const hour = 6 + (Math.floor(i / 60) % 6);
  const zone = ZONES[Math.floor(i / 360) % ZONES.length];
  return [
    ['Start', `${minute} ${hour} * * 1-5`, zone],
    ['Stop', `${minute} ${hour + 9} * * 1-4`, zone],
    ['Stop', `${minute} ${hour + 7} * * 5`, zone],
    ['Stop', `${minute} 23 * * *`, zone],
  ];
}

export function instanceName(i: number): string {
  return `ci-u${String(i).padStart(6, '0')}`;
}

export function objectId(i: number): string {
  return `aaaaaaaa-0000-0000-0000-${String(i).padStart(12, '0')}`;
}

/** The workspace of fleet stack `k`: each stack one workspace, all in one resource group. */
export function fleetWorkspaceId(k: number): string {
  return `${WORKSPACE_ID}-${String(k).padStart(3, '0')}`;
}

export const fleetStackId = (k: number) => `ws-${String(k).padStart(3, '0')}`;
