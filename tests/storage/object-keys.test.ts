import { describe, expect, it } from "vitest";
import { isSafeObjectKey, organizationObjectKey } from "../../src/storage/object-keys.js";

describe("object keys", () => {
  it("puts every object under its organization, with file names reduced to safe characters", () => {
    expect(organizationObjectKey("org-1", "appointments", "a-1", "files", "f-1", "Raio X (joelho).jpg")).toBe(
      "organizations/org-1/appointments/a-1/files/f-1/Raio_X_joelho_.jpg",
    );
  });

  it("never lets a segment climb out or hide: dots, slashes and empty names are replaced", () => {
    const keys = ["..", "../../etc/passwd", ".env", ""].map((name) => organizationObjectKey("org-1", name));
    expect(keys).toEqual([
      "organizations/org-1/__",
      "organizations/org-1/___.._etc_passwd",
      "organizations/org-1/_env",
      "organizations/org-1/_",
    ]);
    expect(keys.every(isSafeObjectKey)).toBe(true);
  });

  it("recognises keys it could not have written", () => {
    for (const key of ["organizations/../x", "/etc/passwd", "organizations//x", "organizations/.hidden", "a\\b"]) {
      expect(isSafeObjectKey(key)).toBe(false);
    }
  });
});
