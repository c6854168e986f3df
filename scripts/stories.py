#!/usr/bin/env python3
"""Write, check and preview the site's bilingual stories: `python scripts/stories.py --help`."""

import sys

from newsroom.cli import main

if __name__ == "__main__":
    sys.exit(main())
