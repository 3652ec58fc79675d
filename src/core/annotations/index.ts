// Hand annotations (issue 7): pure core. See format.ts for the file format.
export * from './types';
export * from './w3c';
export * from './format';
export * from './anchor';
export * from './merge';
export * from './exchange';
export * from './corrections';
export { parseJson, parseJsonAt, lineColumn } from './json';
export type { JsonValue } from './json';
