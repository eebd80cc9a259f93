#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The list of rules is the source for their documentation and tests.

Every rule declared with NFTPP_RULE or NFTPP_CHECK under include/ (listed by
rule_sentences.py) must have its section in docs/diagnostics.md (a heading with its id, or
with its assertion's name `assert_<id>_t`) that quotes its sentence, and every NFTPP_CHECK
rule (a rule types can break) must be exercised by a test: a compile-fail case or doc
snippet expecting it, or a static or run-time test naming `rules::<id>`. Prints what is
missing and exits 1 if anything is.
usage: rule_list.py SOURCE_DIR
"""
import os
import re
import subprocess
import sys

root = sys.argv[1]
listing = subprocess.run([sys.executable, os.path.join(root, "tests/compile_fail/rule_sentences.py"),
                          os.path.join(root, "include")], capture_output=True, text=True, check=True).stdout
rules = [line.split("\t", 1) for line in listing.splitlines() if line]
checks = set()
for dirpath, _, files in os.walk(os.path.join(root, "include")):
    for f in files:
        with open(os.path.join(dirpath, f), encoding="utf-8") as src:
            checks.update(re.findall(r'^NFTPP_CHECK\(\s*(\w+),', src.read(), re.M))

docs = open(os.path.join(root, "docs/diagnostics.md"), encoding="utf-8").read()
tests = []
for sub in ("tests", "docs"):
    for dirpath, _, files in os.walk(os.path.join(root, sub)):
        for f in files:
            if f.endswith((".cpp", ".md", ".hpp")):
                tests.append(open(os.path.join(dirpath, f), encoding="utf-8").read())
tests = "\n".join(tests)

problems = []
for rule_id, sentence in rules:
    heading = re.search(r'^### `(?:%s|assert_%s_t)`' % (re.escape(rule_id), re.escape(rule_id)), docs, re.M)
    if not heading:
        problems.append(f"{rule_id}: no section in docs/diagnostics.md")
    elif sentence not in docs:
        problems.append(f"{rule_id}: docs/diagnostics.md does not quote its sentence")
    if rule_id in checks and not re.search(r'rules::%s\b|assert_%s_t|"%s"' % ((re.escape(rule_id),) * 3), tests):
        problems.append(f"{rule_id}: no test names it")
for p in problems:
    print(p)
print(f"{len(rules)} rules ({len(checks)} checks), {len(problems)} problems")
sys.exit(1 if problems else 0)
