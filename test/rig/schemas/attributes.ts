import type { CtyType, SchemaAttribute } from './schema-types';

/**
 * The four ways an attribute is declared, as Terraform's schema JSON spells them. A description, where given,
 * holds what the emulated provider needs beyond the schema: "default: X" for a value the provider plans
 * when the argument is unset (a schema Default), "unset means X" for one the provider only uses at run time.
 */
function attribute(
  flags: Pick<SchemaAttribute, 'required' | 'optional' | 'computed'>,
  type: CtyType,
  source: string,
  description?: string,
): SchemaAttribute {
  return { type, ...flags, source, ...(description === undefined ? {} : { description }) };
}

export const required = (type: CtyType, source: string, description?: string): SchemaAttribute =>
  attribute({ required: true }, type, source, description);

export const optional = (type: CtyType, source: string, description?: string): SchemaAttribute =>
  attribute({ optional: true }, type, source, description);

export const optionalComputed = (type: CtyType, source: string, description?: string): SchemaAttribute =>
  attribute({ optional: true, computed: true }, type, source, description);

export const computed = (type: CtyType, source: string, description?: string): SchemaAttribute =>
  attribute({ computed: true }, type, source, description);

/** azurerm's `ForceNew: true`: a change plans a replacement. */
export const forceNew = (a: SchemaAttribute): SchemaAttribute => ({ ...a, forceNew: true });

export const STRINGS: CtyType = ['list', 'string'];
export const STRING_SET: CtyType = ['set', 'string'];
export const STRING_MAP: CtyType = ['map', 'string'];
