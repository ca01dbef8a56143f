// Where a process's cgroup files live, from /proc/self/mountinfo and /proc/<pid>/cgroup.
// Handles cgroup v1 (one mount per controller, or joined like cpu,cpuacct), v2 (unified),
// hybrid hosts (v1 controllers plus a v2 mount; Docker uses v1 there), cgroupfs and systemd
// drivers alike since the paths are read, not guessed.

export interface CgroupMounts {
	/** v1 controller name -> {mount point, root of the mount within the hierarchy}. */
	v1: Map<string, {mountPoint: string; root: string}>;
	v2: {mountPoint: string; root: string} | null;
}

export type CgroupFiles =
	| {version: 1; cpuacct: string; memory: string; pids: string | null}
	| {version: 2; dir: string};

/** mountinfo: "36 35 0:31 / /sys/fs/cgroup/cpu rw,relatime shared:9 - cgroup cgroup rw,cpu". */
export function parseCgroupMounts(mountinfo: string): CgroupMounts {
	const mounts: CgroupMounts = {v1: new Map(), v2: null};
	for (const line of mountinfo.split('\n')) {
		const [left, right] = line.split(' - ');
		if (!left || !right) continue;
		const fields = left.split(' ');
		const root = fields[3] ?? '/';
		const mountPoint = fields[4] ?? '';
		const [fsType, , superOptions = ''] = right.split(' ');
		if (fsType === 'cgroup2' && !mounts.v2) mounts.v2 = {mountPoint, root};
		if (fsType !== 'cgroup') continue;
		for (const option of superOptions.split(',')) {
			if (!mounts.v1.has(option)) mounts.v1.set(option, {mountPoint, root});
		}
	}
	return mounts;
}

/** /proc/<pid>/cgroup: "9:memory:/docker/<id>", "0::/system.slice/docker-<id>.scope". */
export function parseProcCgroup(text: string): {v1: Map<string, string>; v2: string | null} {
	const v1 = new Map<string, string>();
	let v2: string | null = null;
	for (const line of text.split('\n')) {
		const match = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
		if (!match) continue;
		const [, hierarchy, controllers = '', path = '/'] = match;
		if (hierarchy === '0' && controllers === '') v2 = path;
		for (const controller of controllers.split(',')) if (controller) v1.set(controller, path);
	}
	return {v1, v2};
}

function join(mount: {mountPoint: string; root: string}, path: string): string {
	const relative = mount.root !== '/' && path.startsWith(mount.root) ? path.slice(mount.root.length) : path;
	return `${mount.mountPoint}${relative.startsWith('/') ? '' : '/'}${relative}`.replace(/\/$/, '');
}

export function resolveCgroupFiles(mounts: CgroupMounts, procCgroup: string): CgroupFiles | null {
	const process = parseProcCgroup(procCgroup);
	const memory = process.v1.get('memory');
	const cpuacct = process.v1.get('cpuacct');
	const memoryMount = mounts.v1.get('memory');
	const cpuacctMount = mounts.v1.get('cpuacct');
	if (memory && cpuacct && memoryMount && cpuacctMount) {
		const pids = process.v1.get('pids');
		const pidsMount = mounts.v1.get('pids');
		return {
			version: 1,
			cpuacct: join(cpuacctMount, cpuacct),
			memory: join(memoryMount, memory),
			pids: pids && pidsMount ? join(pidsMount, pids) : null,
		};
	}
	if (process.v2 !== null && mounts.v2) return {version: 2, dir: join(mounts.v2, process.v2)};
	return null;
}
