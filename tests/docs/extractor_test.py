#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Keeps the doc-example extractor honest: blocks that would escape compilation are errors,
and each kind of fence is extracted with the mode it asks for."""
import os
import subprocess
import sys
import tempfile

EXTRACT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "extract_examples.py")
failures = 0
checks = 0


def run(doc: str):
    with tempfile.TemporaryDirectory() as d:
        md = os.path.join(d, "page.md")
        with open(md, "w") as f:
            f.write(doc)
        p = subprocess.run([sys.executable, EXTRACT, os.path.join(d, "out"), md],
                           capture_output=True, text=True)
        listing = ""
        cm = os.path.join(d, "out", "examples.cmake")
        if os.path.exists(cm):
            listing = open(cm).read()
        return p.returncode, p.stderr, listing


def expect(what: str, doc: str, rc: int, needle: str):
    global failures, checks
    checks += 1
    got_rc, err, listing = run(doc)
    text = err if rc else listing
    found = text == "" if needle is None else needle in text
    if got_rc != rc or not found:
        failures += 1
        print(f"FAILED: {what}\n  expected rc {rc} and {needle!r}\n  got rc {got_rc}\n-->|{text}|<--")
    else:
        print(f"ok: {what}")


expect("a cpp block compiles", "```cpp\nint x;\n```\n", 0, " compiles ")
expect("a program runs", "```cpp\nint main() {}\n```\n", 0, " run ")
expect("norun links only", "```cpp norun\nint main() {}\n```\n", 0, " link ")
expect("fails carries its regex", '```cpp fails "a_rule"\nint x;\n```\n', 0, ' fails "a_rule" ')
expect("other languages are skipped", "```sh\necho hi\n```\n```text\nx\n```\n", 0, None)
expect("c++ label is an error", "```c++\nint x;\n```\n", 1, 'labelled "c++"')
expect("cc label is an error", "```cc\nint x;\n```\n", 1, 'labelled "cc"')
expect("unknown attribute is an error", "```cpp nocompile\nint x;\n```\n", 1, "unknown attributes")
expect("indented fence is an error", "- item\n  ```cpp\n  int x;\n  ```\n", 1, "indented code fence")
expect("unclosed block is an error", "```cpp\nint x;\n", 1, "not closed")
print(f"extractor: {checks - failures} of {checks} checks passed")
sys.exit(1 if failures else 0)
