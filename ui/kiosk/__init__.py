"""The zone's touch-screen display (kiosk): a locked, full-screen, read-only second window class.

window.py composes the pages; lock.py and idle.py keep the screen locked and returning home;
theme.py holds the elderly-friendly sizes and colours; the pages each show one kind of content from
app.kiosk.KioskService.
"""
