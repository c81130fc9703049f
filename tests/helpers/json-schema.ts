import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";

// ajv-formats is CommonJS: under ESM its plugin is the default export, or that export's own default.
const addFormats = ((formats as unknown as { default?: unknown }).default ?? formats) as (ajv: Ajv2020) => Ajv2020;

/** Compiles a JSON Schema (draft 2020-12, formats checked); the result lists every violation, empty when data is valid. */
export function schemaValidator(schema: Record<string, unknown>): (data: unknown) => string[] {
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true, strictTypes: false }));
  const validate = ajv.compile(schema);
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`));
}
