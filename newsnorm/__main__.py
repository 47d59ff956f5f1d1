import sys

from newsnorm.cli import main

sys.exit(main())
