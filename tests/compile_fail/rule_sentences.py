#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Prints `id<TAB>sentence` for every NFTPP_RULE or NFTPP_CHECK(id, "sentence" ...) under the given folder."""
import os
import re
import sys

RULE = re.compile(r'NFTPP_(?:RULE|CHECK)\(\s*(\w+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)')
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')

for root, _, files in os.walk(sys.argv[1]):
    for f in sorted(files):
        with open(os.path.join(root, f), encoding="utf-8") as src:
            text = re.sub(r"^\s*//[^\n]*", "", src.read(), flags=re.M)  # not the examples in comments
        for m in RULE.finditer(text):
            sentence = "".join(LITERAL.findall(m.group(2)))
            sentence = re.sub(r"\\(.)", r"\1", sentence)
            print(f"{m.group(1)}\t{sentence}")
