/** Small text helpers of the page. */

/** `4 s`, `3 min 20 s`, `2 h 5 min`. */
export function age(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** `14:03:07` in the viewer's time zone. */
export function clock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour12: false });
}

/** Colours per ticket status, shared by the chart and the status badges (readable on white). */
export const statusColours: Readonly<Record<string, string>> = {
  QUEUED: "#6b7280",
  SEARCHING: "#1d4ed8",
  REQUIRES_ACCEPTANCE: "#7c3aed",
  PLACING: "#b45309",
  COMPLETED: "#047857",
  FAILED: "#b91c1c",
  CANCELLED: "#374151",
  TIMED_OUT: "#be185d",
};
