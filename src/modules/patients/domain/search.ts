import type { Prisma } from "../../../db/prisma.js";

/** The generated search keys (`lower(...)`, collation "C") of the columns the name search reads. */
const searchKeys = ["firstNameSearch", "lastNameSearch", "emailSearch"] as const;
type DerivedColumn = (typeof searchKeys)[number] | "lastNameOrder";

/**
 * A patient row without its search keys (and `lastNameOrder`), for audit entries: they record the columns a change
 * wrote, not what PostgreSQL derives from them.
 */
export function withoutSearchKeys<Row extends Partial<Record<DerivedColumn, unknown>>>(
  row: Row,
): Omit<Row, DerivedColumn> {
  const { firstNameSearch: _first, lastNameSearch: _last, emailSearch: _email, lastNameOrder: _order, ...rest } = row;
  return rest;
}

/**
 * Lowercases one code point at a time, as PostgreSQL's `lower()` does (simple case mapping:
 * "İ" stays one character), so a word compares with the keys `lower()` generated.
 */
export function searchKeyOf(text: string): string {
  return Array.from(text, (c) => {
    const lower = c.toLowerCase();
    return Array.from(lower).length === 1 ? lower : c;
  }).join("");
}

/**
 * The first string after every string that starts with `prefix`, in code point order (collation
 * "C"): its last code point plus one. Null when there is none (only U+10FFFF code points).
 */
export function prefixSuccessor(prefix: string): string | null {
  const points = Array.from(prefix, (c) => c.codePointAt(0) as number);
  while (points.length > 0) {
    const last = (points.pop() as number) + 1;
    if (last <= 0x10ffff) {
      points.push(last === 0xd800 ? 0xe000 : last); // no code points in the surrogate range
      return String.fromCodePoint(...points);
    }
  }
  return null;
}

/**
 * The patients name search: each word of `search` must start the first name, last name or email
 * (case-insensitive), so "ana sil" finds Ana Silva. Written as ranges on the search keys
 * (`key >= word AND key < successor`), whose btree comparisons are leakproof, so PostgreSQL
 * uses the keys' indexes under row-level security (ILIKE it could not). Characters such as
 * `%` and `_` are plain characters. Spread into a Prisma `where`.
 */
export function patientSearchWhere(search: string | null | undefined): Prisma.PatientWhereInput {
  const words = (search ?? "").split(/\s+/).filter(Boolean).map(searchKeyOf);
  return {
    AND: words.map((word) => {
      const successor = prefixSuccessor(word);
      const range = successor === null ? { gte: word } : { gte: word, lt: successor };
      return { OR: searchKeys.map((key) => ({ [key]: range })) };
    }),
  };
}
