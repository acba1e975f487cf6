/**
 * The one schema. Each domain keeps its tables beside its code and is re-exported here,
 * so drizzle-kit sees everything and every table sits in one migration folder.
 */
export * from '../tenancy/tables.ts';
export * from '../auth/tables.ts';
export * from '../audit/tables.ts';
export * from '../forms/tables.ts';
export * from '../../modules/people/tables.ts';
export * from '../../modules/family-help/tables.ts';
export * from '../../modules/child-protection/tables.ts';
export * from '../../modules/court/tables.ts';
export * from '../../modules/returns/tables.ts';
