import type { MemberRole } from "./roles.js";

/** Who is calling. Filled by {@link authenticate} for each request. */
export type Viewer =
  | { kind: "anonymous" }
  | {
      kind: "user";
      /** The person signed in (while impersonating, the owner or admin, not the patient). */
      userId: string;
      /** The organization the user switched to, if they still belong to it. */
      organizationId: string | null;
      /** The role the request acts with: `patient` while impersonating. */
      role: MemberRole | null;
      /** With role `patient`: the patient record the request acts for (linked to the user, or impersonated). */
      patientId: string | null;
      /** An owner or admin acting as the patient `patientId` (`X-Impersonate-Patient`). */
      impersonating: boolean;
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

export function viewerPatientId(viewer: Viewer): string | null {
  return viewer.kind === "user" ? viewer.patientId : null;
}

export function isImpersonating(viewer: Viewer): boolean {
  return viewer.kind === "user" && viewer.impersonating;
}
