/** Who is calling. Filled by the authentication step of each request. */
export type Viewer = { kind: "anonymous" };

export const anonymous: Viewer = { kind: "anonymous" };
