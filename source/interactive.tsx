export async function runInteractive(_s: unknown): Promise<number> { return 0; }
