"""``python -m callcenter.bench NAME ...`` (same as ``callcenter bench NAME ...``)."""

import sys

from . import main

raise SystemExit(main(sys.argv[1:]))
