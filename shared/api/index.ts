export * from './channel';
export * from './client';
export * from './contract';
export * from './errors';
export * from './roles';
export * from './bridge';
export * from './auth';
