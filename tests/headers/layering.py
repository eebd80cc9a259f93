#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The include structure of include/nftpp goes one way:

    core <- value <- expr <- stmt <- ruleset <- render <- exec <- testing
    log beside: it builds on core and value only

A header may include headers of its own folder and of folders below it, never above; the
headers of one folder include each other without a cycle; the umbrella headers at the top
(nftpp.hpp, apply.hpp, readback.hpp ...) may include anything. And nftpp.hpp includes every
header its entry headers bring, each after the headers it includes, so that each is first
included from nftpp.hpp and a compiler's include chain for an error is two lines long (see
nftpp.hpp). Prints every violation and exits 1 if there is one.
"""
import os
import re
import sys

RANK = {"core": 0, "value": 1, "expr": 2, "stmt": 3, "ruleset": 4, "render": 5, "exec": 6, "testing": 7}
BESIDE = {"log": {"core", "value", "log"}}
INCLUDE = re.compile(r'^\s*#\s*include\s*<nftpp/([^>]+)>', re.M)


def allowed(src_folder, dst_folder):
    if src_folder is None:  # a top-level header
        return True
    if src_folder in BESIDE:
        return dst_folder in BESIDE[src_folder]
    if dst_folder in BESIDE or dst_folder is None:
        return False
    return RANK[dst_folder] <= RANK[src_folder]


def main(root):
    problems = []
    graph = {}
    for dirpath, _, files in os.walk(root):
        for f in files:
            if not f.endswith(".hpp"):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            folder = rel.split("/")[0] if "/" in rel else None
            if folder is not None and folder not in RANK and folder not in BESIDE:
                problems.append(f"{rel}: folder {folder} has no place in the layering")
                continue
            with open(path, encoding="utf-8") as src:
                text = src.read()
            graph[rel] = []
            for inc in INCLUDE.findall(text):
                dst_folder = inc.split("/")[0] if "/" in inc else None
                if not allowed(folder, dst_folder):
                    problems.append(f"{rel} includes <nftpp/{inc}>: {folder} may not include {dst_folder or 'a top-level header'}")
                graph[rel].append(inc)
    # nftpp.hpp includes every header of its entry headers first, each after its includes
    umbrella = os.path.join(root, "nftpp.hpp")
    if os.path.exists(umbrella):
        with open(umbrella, encoding="utf-8") as src:
            order = INCLUDE.findall(src.read())
        position = {inc: i for i, inc in reversed(list(enumerate(order)))}
        needed = set()

        def closure(h):
            for m in graph.get(h, []):
                if m not in needed:
                    needed.add(m)
                    closure(m)

        for entry in (inc for inc in order if "/" not in inc):
            closure(entry)
        for h in sorted(x for x in needed if "/" in x):
            if h not in position:
                problems.append(f"nftpp.hpp does not include <nftpp/{h}>: list it after the headers it includes")
                continue
            for m in graph.get(h, []):
                if "/" in m and position.get(m, len(order)) > position[h]:
                    problems.append(f"nftpp.hpp includes <nftpp/{h}> before <nftpp/{m}>, which it includes")
    # no cycle (within a folder or across)
    state = {}

    def visit(n, stack):
        state[n] = 1
        stack.append(n)
        for m in graph.get(n, []):
            if m not in graph:
                continue
            if state.get(m) == 1:
                problems.append("include cycle: " + " -> ".join(stack[stack.index(m):] + [m]))
            elif state.get(m) is None:
                visit(m, stack)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if state.get(n) is None:
            visit(n, [])
    for p in problems:
        print(p)
    print(f"{len(graph)} headers, {sum(len(v) for v in graph.values())} includes, {len(problems)} violations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "include/nftpp"))
