"""Storage: tables, migrations, repositories and the evidence vault.

Repositories take a Connection that the service layer opened; they never commit.
"""
