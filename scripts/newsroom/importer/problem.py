"""The one error the importer raises."""


class ImportProblem(Exception):
    """Why a page cannot be imported, in one line that names the file and the fix, in both languages."""
