/**
 * Object keys: every object of an organization lives under `organizations/<orgId>/`, so a
 * bucket can be listed, exported or cleaned per tenant. Each segment is reduced to
 * `[A-Za-z0-9_.-]` without a leading dot, so keys are the same on S3 and on disk and never
 * climb out of their folder.
 */
export function organizationObjectKey(organizationId: string, ...segments: string[]): string {
  return ["organizations", organizationId, ...segments].map(safeSegment).join("/");
}

function safeSegment(segment: string): string {
  const safe = segment.replace(/[^\w.-]+/g, "_").replace(/^\.+/, (dots) => "_".repeat(dots.length));
  return safe || "_";
}

const segmentPattern = /^[\w-][\w.-]*$/;

/** Whether `key` is made only of segments {@link organizationObjectKey} could have written. */
export function isSafeObjectKey(key: string): boolean {
  return key.length <= 1024 && key.split("/").every((segment) => segmentPattern.test(segment));
}
