"""Bundled faces (WenQuanYi Micro Hei, Gongkai Ming/Kai/Han Ext subsets) with their licences; see README.txt."""
