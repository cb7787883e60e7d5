import { IConstruct } from 'constructs';

const messages = (c: IConstruct, type: string): string[] =>
  c.node.metadata.filter((m) => m.type === type).map((m) => m.data as string);

/** The error annotations of a construct (cdktf stores them as `@cdktf/error` metadata). */
export const errorsOf = (c: IConstruct) => messages(c, '@cdktf/error');
/** The info annotations of a construct. */
export const infosOf = (c: IConstruct) => messages(c, '@cdktf/info');
