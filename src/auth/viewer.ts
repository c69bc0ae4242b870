import type { MemberRole } from "./roles.js";

/** Who is calling. Filled by {@link authenticate} for each request. */
export type Viewer =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: string;
      /** The organization the user switched to, if they still belong to it. */
      organizationId: string | null;
      role: MemberRole | null;
    }
  | { kind: "apiKey"; apiKeyId: string; organizationId: string; role: MemberRole };

export const anonymous: Viewer = { kind: "anonymous" };

export function viewerUserId(viewer: Viewer): string | null {
  return viewer.kind === "user" ? viewer.userId : null;
}

export function viewerOrganizationId(viewer: Viewer): string | null {
  return viewer.kind === "anonymous" ? null : viewer.organizationId;
}

export function viewerRole(viewer: Viewer): MemberRole | null {
  return viewer.kind === "anonymous" ? null : viewer.role;
}
