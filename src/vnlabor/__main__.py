"""``python -m vnlabor``: the command line."""

import sys

from vnlabor.cli import main

sys.exit(main())
