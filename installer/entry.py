"""The frozen bundle's one program. Called `branchdesk` it is the desktop app and its
command line; called `branchdesk-server` (the package links that name to it) it is
the central server's command. One executable keeps one copy of Python and Qt."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path


def main() -> None:
    # `serve --workers N` starts its processes through this same executable
    multiprocessing.freeze_support()
    name = Path(sys.argv[0]).name.lower()
    if name.startswith("branchdesk-server"):
        from server.cli import main as server_main

        server_main()
    else:
        from desktop.cli.main import main as desktop_main

        desktop_main()


if __name__ == "__main__":
    main()
