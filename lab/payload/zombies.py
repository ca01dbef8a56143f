# PID 1 of its container (no --init): forks workers that exit at once and never reaps them,
# so they stay zombies. Five at start, then one a minute up to twenty.
import os
import time

print("spawner: starting workers (no reaper: zombies will pile up)", flush=True)
spawned = 0
while True:
    if spawned < 20:
        if os.fork() == 0:
            os._exit(0)
        spawned += 1
    time.sleep(1 if spawned < 5 else 60)
