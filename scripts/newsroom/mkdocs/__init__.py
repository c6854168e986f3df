"""The MkDocs side: the newsroom plugin builds the site from the same model and checks as the
command line. The only package that imports MkDocs.
"""
