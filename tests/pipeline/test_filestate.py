"""File state: the stamp is read first, the SHA-256 only when the stamp
changed; digests checked against hashlib."""

from __future__ import annotations

import hashlib
import json
import os

from mathreel import filestate


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_stamp_is_size_and_mtime_ns(tmp_path):
    file = tmp_path / "a.bin"
    file.write_bytes(b"12345")
    os.utime(file, ns=(1_000_000_007, 2_000_000_011))
    assert filestate.stamp(file) == [5, 2_000_000_011]
    assert filestate.stamp_or_none(tmp_path / "missing") is None
    assert filestate.stamp_or_none(None) is None


def test_digests_match_hashlib_over_several_blocks(tmp_path):
    file = tmp_path / "big.bin"
    file.write_bytes(bytes(range(256)) * 9000)  # 2.2 MiB: three 1 MiB blocks
    assert filestate.sha256_file(file) == _sha(file)
    assert filestate.file_digest(file) == _sha(file)


def test_a_digest_is_trusted_while_the_stamp_holds(tmp_path):
    """Same size and mtime: the remembered digest (the cheap signal wins);
    a new mtime: hashed again."""
    file = tmp_path / "a.txt"
    file.write_text("aaaa")
    before = filestate.file_digest(file)
    stamp = file.stat()
    file.write_text("bbbb")
    os.utime(file, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert filestate.file_digest(file) == before != _sha(file)
    os.utime(file, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1))
    assert filestate.file_digest(file) == _sha(file)


def test_remembered_digests_outlive_the_process(tmp_path):
    file, memo = tmp_path / "model.onnx", tmp_path / "hashes.json"
    file.write_bytes(b"weights")
    assert filestate.remembered_sha256(file, memo) == _sha(file)
    key = f"{file}|{file.stat().st_size}|{file.stat().st_mtime_ns}"
    assert json.loads(memo.read_text()) == {key: _sha(file)}
    memo.write_text(json.dumps({key: "remembered"}))  # a later run reads the memo
    filestate._remembered_at.cache_clear()
    assert filestate.remembered_sha256(file, memo) == "remembered"
    os.utime(file, ns=(0, file.stat().st_mtime_ns + 1))  # the stamp changed: hashed again
    assert filestate.remembered_sha256(file, memo) == _sha(file)
    assert list(json.loads(memo.read_text()).values()) == [_sha(file)]  # the old entry gone
