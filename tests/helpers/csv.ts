/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A Frictionless Table Schema field, as far as the checks below need it. */
export interface TableField {
  name: string;
  type: string;
  delimiter?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}

/** Every way the rows break their Table Schema: header, types, required, unique and enum constraints. */
export function tableProblems(rows: string[][], fields: TableField[]): string[] {
  const problems: string[] = [];
  const [header = [], ...body] = rows;
  if (header.join(",") !== fields.map((f) => f.name).join(","))
    problems.push(`header ${header.join(",")} ≠ schema ${fields.map((f) => f.name).join(",")}`);
  fields.forEach((field, column) => {
    const seen = new Set<string>();
    body.forEach((row, index) => {
      const value = row[column] ?? "";
      const where = `row ${index + 2}, ${field.name} = ${JSON.stringify(value)}`;
      if (row.length !== fields.length) problems.push(`row ${index + 2} has ${row.length} fields, not ${fields.length}`);
      if (value === "") {
        if (field.constraints?.required) problems.push(`${where}: required`);
        return;
      }
      if (field.type === "integer" && !/^-?\d+$/.test(value)) problems.push(`${where}: not an integer`);
      if (field.type === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) problems.push(`${where}: not a date`);
      if (field.type === "boolean" && !["true", "false"].includes(value)) problems.push(`${where}: not a boolean`);
      if (field.constraints?.enum && !field.constraints.enum.includes(value))
        problems.push(`${where}: not one of ${field.constraints.enum.join(", ")}`);
      if (field.constraints?.unique) {
        if (seen.has(value)) problems.push(`${where}: not unique`);
        seen.add(value);
      }
    });
  });
  return [...new Set(problems)];
}
