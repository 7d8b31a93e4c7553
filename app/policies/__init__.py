"""The policy library (政策文件库): documents, their interpretations, import, search, reading and printing.

Modules: ``values`` (the vocabulary and frozen values), ``links`` (how other records name a document),
``blobs`` (files by SHA-256), ``extract`` (text from .docx/.pdf/.txt), ``importer`` (a folder or .zip
with a 目录 sheet), ``search`` (FTS5 trigram plus the short-query index), ``service``
(``PolicyService``), ``printouts`` (counter printing), ``sync`` (the platform's documents in, the
site's documents out). The service is imported from ``app.policies.service`` so that other
capabilities can use ``links`` without loading the library.
"""
