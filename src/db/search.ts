type PrefixFilter = { startsWith: string; mode: "insensitive" };

/** LIKE wildcards (and the escape character) as plain characters: Prisma passes them through. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A name search: each word of `search` must start one of `fields` (case-insensitive), so
 * "ana sil" finds Ana Silva. Spread into a Prisma `where`.
 */
export function wordPrefixWhere<Field extends string>(search: string | null | undefined, fields: readonly Field[]) {
  const words = (search ?? "").split(/\s+/).filter(Boolean).map(literal);
  return {
    AND: words.map((word) => ({
      OR: fields.map(
        (field) => ({ [field]: { startsWith: word, mode: "insensitive" } }) as Record<Field, PrefixFilter>,
      ),
    })),
  };
}
