import { readFile } from 'node:fs/promises';
import { validateXML } from 'xmllint-wasm';

/** The CIN census collections this platform produces, and the schema each is checked against (schema/CHANGES.md). */
export const CIN_COLLECTIONS = {
  '2024-25': 'CIN_schema_2025.xsd',
  '2025-26': 'CIN_schema_2026.xsd',
} as const;
export type CinCollection = keyof typeof CIN_COLLECTIONS;

export function isCinCollection(value: unknown): value is CinCollection {
  return typeof value === 'string' && Object.hasOwn(CIN_COLLECTIONS, value);
}

export interface StructureProblem {
  line: number | undefined;
  message: string;
}

const schemas = new Map<CinCollection, Promise<string>>();
const schemaFor = (collection: CinCollection) => {
  let schema = schemas.get(collection);
  if (!schema) {
    schema = readFile(new URL(`./schema/${CIN_COLLECTIONS[collection]}`, import.meta.url), 'utf8');
    schemas.set(collection, schema);
  }
  return schema;
};

/**
 * Checks a census file's structure against its collection's XSD with libxml2 (xmllint compiled to
 * WebAssembly: no native build). The validation rules are checked separately, by the rule engine.
 */
export async function checkStructure(xml: string, collection: CinCollection): Promise<{ valid: boolean; problems: StructureProblem[] }> {
  const result = await validateXML({
    xml: [{ fileName: 'census.xml', contents: xml }],
    schema: [{ fileName: CIN_COLLECTIONS[collection], contents: await schemaFor(collection) }],
    // A large authority's census is tens of megabytes: room for libxml2's tree (pages of 64 KiB, 2 GiB at most).
    initialMemoryPages: 4096,
    maxMemoryPages: 32768,
  });
  return { valid: result.valid, problems: result.errors.map((e) => ({ line: e.loc?.lineNumber, message: e.message })) };
}
