/** Delivery attempts, newest first (the order of both delivery connections). */
export const newestFirst = [{ createdAt: "desc" as const }, { attempt: "desc" as const }, { id: "desc" as const }];
