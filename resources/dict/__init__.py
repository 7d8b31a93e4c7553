"""Word lists for line breaking: a reduced jieba dictionary and the administrative terms (scripts/build_words.py)."""
