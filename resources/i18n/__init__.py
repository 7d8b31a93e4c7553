"""Compiled UI translations (Chinese is the source language; English in gongkai_en.ts/.qm)."""
