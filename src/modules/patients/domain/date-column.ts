/** A `YYYY-MM-DD` date as the `date` column takes it, and back. */
export const toDateColumn = (date: string) => new Date(`${date}T00:00:00.000Z`);
export const fromDateColumn = (date: Date) => date.toISOString().slice(0, 10);
