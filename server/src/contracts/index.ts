// Request and response schemas shared by the server and the client. Nothing server-only is imported here.
export * from './common.ts';
export * from './seats.ts';
export * from './reference.ts';
export * from './targets.ts';
export * from './history.ts';
export * from './auth.ts';
export * from './admin.ts';
export * from './exports.ts';
export * from './clps.ts';
export * from './pilots.ts';
export * from './pages.ts';
export * from './pilot-boards.ts';
export * from './activities.ts';
export * from './selections.ts';
export * from './selection-boards.ts';
