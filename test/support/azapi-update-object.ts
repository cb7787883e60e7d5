// Moved to the emulated azapi provider (issue 21); this re-export keeps the plan model's tests compiling until they move.
export * from '../rig/azapi/update-object';
