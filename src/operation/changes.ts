/** Field names whose values never reach the audit log. */
const secretFields = /secret|hash|password|token|key$/i;

type Row = Record<string, unknown>;

function comparable(value: unknown): string {
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}

function redact(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, secretFields.test(k) ? "[redacted]" : v]));
}

/**
 * The fields that differ between two versions of a row (`before` null for a creation,
 * `after` null for a deletion), secrets redacted, timestamps of the bookkeeping kind left out.
 */
export function changedFields(before: Row | null, after: Row | null): { before: Row | null; after: Row | null } {
  const ignored = new Set(["createdAt", "updatedAt"]);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})].filter((k) => !ignored.has(k)));
  const changed = [...keys].filter((k) => comparable(before?.[k]) !== comparable(after?.[k]));
  const pick = (row: Row | null) =>
    row ? redact(Object.fromEntries(changed.filter((k) => k in row).map((k) => [k, row[k]]))) : null;
  return { before: pick(before), after: pick(after) };
}
