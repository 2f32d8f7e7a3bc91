/** "1 m 05 s", "42.0 s": a duration for people. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h} h ${String(m).padStart(2, '0')} m` : `${m} m ${s} s`;
}

/**
 * One progress line: "[wxr] [#####-----] 1234/20000 items, 85/s, ETA 3 m 17 s". With `width` 0 there
 * is no bar (a log file); otherwise the bar fills what is left of `width` columns.
 */
export function progressLine(done: number, total: number, elapsedSeconds: number, width = 0, label = 'wxr'): string {
  const rate = done / Math.max(elapsedSeconds, 0.001);
  const eta = done >= total ? 'done' : done === 0 ? 'ETA ?' : `ETA ${formatDuration((total - done) / rate)}`;
  const text = `${done}/${total} items, ${rate.toFixed(0)}/s, ${eta}`;
  if (!width) return `[${label}] ${text}`;
  const room = Math.max(10, width - text.length - 10);
  const filled = total ? Math.min(room, Math.round((done / total) * room)) : room;
  return `[${label}] [${'#'.repeat(filled)}${'-'.repeat(room - filled)}] ${text}`;
}
