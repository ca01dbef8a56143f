#!/bin/sh
# Replays what a runtime `pip install psutil` prints on python:alpine without a compiler
# (no registry is reachable here, so the build output is the recorded one), then dies.
echo "Collecting psutil==5.9.8"
echo "  Downloading psutil-5.9.8.tar.gz (503 kB)"
echo "Building wheels for collected packages: psutil"
echo "  Building wheel for psutil (pyproject.toml): started"
cat >&2 <<'ERR'
  error: subprocess-exited-with-error

  × Building wheel for psutil (pyproject.toml) did not run successfully.
  │ exit code: 1
  ╰─> [12 lines of output]
      running build_ext
      building 'psutil._psutil_linux' extension
      creating build/temp.linux-x86_64-cpython-312/psutil
      gcc -Wsign-compare -DNDEBUG -g -fwrapv -O3 -Wall -fPIC -DPSUTIL_POSIX=1 -I/usr/local/include/python3.12 -c psutil/_psutil_common.c -o build/temp.linux-x86_64-cpython-312/psutil/_psutil_common.o
      error: command 'gcc' failed: No such file or directory
      psutil/_psutil_common.c:9:10: fatal error: Python.h: No such file or directory
      [end of output]

  note: This error originates from a subprocess, and is likely not a problem with pip.
  ERROR: Failed building wheel for psutil
ERROR: Could not build wheels for psutil, which is required to install pyproject.toml-based projects
ERR
exit 1
