"""`python -m rights_guide <command>`: the one command line for checks, reports and translators."""

import sys

from rights_guide.cli import main

sys.exit(main())
