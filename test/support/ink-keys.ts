// Typing into an ink-testing-library app: one key at a time, each given time to render.

export const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

export async function type(stdin: {write(data: string): void}, keys: string[]): Promise<void> {
	for (const key of keys) {
		stdin.write(key);
		await settle();
	}
}
