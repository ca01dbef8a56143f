export type EngineState = 'connecting' | 'connected' | 'down';

export interface EngineStatus {
	engine: string;
	endpoint: string;
	state: EngineState;
	/** One line for the operator when the engine is not connected; null when all is well. */
	message: string | null;
	version: string | null;
	apiVersion: string | null;
	statsSource: string | null;
	/** Since when this engine's exits are known (events it still had at connect, then live): loop rates are measured from there. */
	historySince: number | null;
	/** The engine's data root (DockerRootDir), whose disk the host pane shows when the engine is local. */
	dataRoot?: string | null;
}
