"""Training and measuring the learned stage (numpy/scipy; files only in :mod:`artifact` and the CLI)."""
