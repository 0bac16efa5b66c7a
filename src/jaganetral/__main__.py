"""``python -m jaganetral``: the same as the ``jaganetral`` command."""

import sys

from jaganetral.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
