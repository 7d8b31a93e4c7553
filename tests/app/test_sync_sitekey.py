"""The site key's sealed boxes and invitation wrapping (AES-256-GCM, Argon2id)."""

from __future__ import annotations

import pytest

from app.sync import sitekey


def test_a_sealed_record_opens_only_with_its_key_and_its_record() -> None:
    key = sitekey.new_key()
    box = sitekey.seal(key, "request", "u-1", {"applicant_id": "370112199001011234"})
    assert "370112199001011234" not in box
    assert sitekey.unseal(key, "request", "u-1", box) == {"applicant_id": "370112199001011234"}
    with pytest.raises(sitekey.SiteKeyError):
        sitekey.unseal(sitekey.new_key(), "request", "u-1", box)
    with pytest.raises(sitekey.SiteKeyError):
        sitekey.unseal(key, "request", "u-2", box)  # moved onto another record
    tampered = box[:-4] + ("AAAA" if not box.endswith("AAAA") else "BBBB")
    with pytest.raises(sitekey.SiteKeyError):
        sitekey.unseal(key, "request", "u-1", tampered)


def test_an_invitation_carries_the_key_under_its_code_only() -> None:
    key = sitekey.new_key()
    wrapped = sitekey.wrap(key, "K7QX-2MPA")
    assert sitekey.unwrap(wrapped, "k7qx-2mpa") == key  # typed in lower case, still opens
    with pytest.raises(sitekey.SiteKeyError, match="邀请码不正确"):
        sitekey.unwrap(wrapped, "K7QX-2MPB")


def test_a_hostile_wrapping_cannot_ask_for_gigabytes() -> None:
    wrapped = sitekey.wrap(sitekey.new_key(), "CODE")
    with pytest.raises(sitekey.SiteKeyError, match="范围"):
        sitekey.unwrap({**wrapped, "m": 64 * 1024 * 1024}, "CODE")
    with pytest.raises(sitekey.SiteKeyError):
        sitekey.unwrap({**wrapped, "t": "3"}, "CODE")
