# A notifier whose image lacks its dependency: ModuleNotFoundError at import.
print("notifier: connecting to the queue", flush=True)
import aiohttp  # noqa: E402,F401
