"""The site's monthly self-assessment (督查考核): editable criteria, computed figures with evidence."""
