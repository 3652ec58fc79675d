// Entities: people, organisations and places, one identity across every spelling and outlet.
// See README.md beside this file for the design, the span conventions and the knowledge file.
export { recognizeEntities } from './recognize';
export type { EntityMention } from './recognize';
export { resolveEntities, EntityResolver, NO_OUTLET } from './resolve';
export type { CorpusEntity, Resolution, ResolveDocument } from './resolve';
export { parseKnowledgeFile } from './knowledge';
export type { KnowledgeEntry, KnowledgeError, KnowledgeResult } from './knowledge';
