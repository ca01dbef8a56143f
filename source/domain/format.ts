// Human units for narrow columns: every result fits the width its column promises.

const units = ['B', 'K', 'M', 'G', 'T'];

/** 1536 -> "1.5K", 16777216 -> "16M": at most 4 characters. */
export function formatBytes(bytes: number): string {
	let value = Math.max(0, bytes);
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	const digits = value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value).toString();
	return `${digits}${units[unit]}`;
}

/** 42 s -> "42s", 3720 s -> "1h2m", 3 days -> "3d": at most 5 characters. */
export function formatDuration(ms: number): string {
	const seconds = Math.max(0, Math.floor(ms / 1000));
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 60) return `${minutes}m`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return minutes % 60 === 0 || hours >= 10 ? `${hours}h` : `${hours}h${minutes % 60}m`;
	const days = Math.floor(hours / 24);
	return days < 100 ? `${days}d` : `${Math.floor(days / 7)}w`;
}

/** 3.14159 -> "3.1%", 153.2 -> "153%". */
export function formatPercent(percent: number): string {
	return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

const bars = '▁▂▃▄▅▆▇█';

/** Percentages as a sparkline, one cell each: 0 % is the lowest bar, 100 % the highest. */
export function sparkline(percents: number[]): string {
	return percents.map((value) => bars[Math.min(bars.length - 1, Math.max(0, Math.floor((value / 100) * bars.length)))]).join('');
}

/** Local wall-clock time of an instant, "10:42:07": what an operator compares with their logs. */
export function formatClock(ms: number): string {
	const date = new Date(ms);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
