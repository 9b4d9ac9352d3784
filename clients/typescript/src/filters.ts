/**
 * The O-RAN filter grammar: `(op,attribute,value[,value…])` criteria joined by `;`, all of
 * which must match. A value holding a comma, parenthesis, semicolon, quote or whitespace (or
 * an empty one) is single-quoted, a quote inside written twice.
 *
 *     new Filter().eq("extensions/country", "ES").in("name", ["a,b", "c"]).toString()
 *     // "(eq,extensions/country,ES);(in,name,'a,b',c)"
 */

export function quote(value: string): string {
  const plain = value !== "" && !/[\s,();']/.test(value);
  return plain ? value : `'${value.replaceAll("'", "''")}'`;
}

export class Filter {
  private readonly criteria: string[] = [];

  private with(op: string, attribute: string, values: readonly string[]): this {
    this.criteria.push(`(${op},${attribute},${values.map(quote).join(",")})`);
    return this;
  }

  eq(attribute: string, value: string): this {
    return this.with("eq", attribute, [value]);
  }
  neq(attribute: string, value: string): this {
    return this.with("neq", attribute, [value]);
  }
  gt(attribute: string, value: string): this {
    return this.with("gt", attribute, [value]);
  }
  gte(attribute: string, value: string): this {
    return this.with("gte", attribute, [value]);
  }
  lt(attribute: string, value: string): this {
    return this.with("lt", attribute, [value]);
  }
  lte(attribute: string, value: string): this {
    return this.with("lte", attribute, [value]);
  }
  cont(attribute: string, value: string): this {
    return this.with("cont", attribute, [value]);
  }
  ncont(attribute: string, value: string): this {
    return this.with("ncont", attribute, [value]);
  }
  in(attribute: string, values: readonly string[]): this {
    return this.with("in", attribute, values);
  }
  nin(attribute: string, values: readonly string[]): this {
    return this.with("nin", attribute, values);
  }

  toString(): string {
    return this.criteria.join(";");
  }
}
