#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Extract the C++ examples of Markdown files into translation units.

Conventions (docs/CONTRIBUTING-docs.md):
  ```cpp                  must compile; a block with main() is a program: it must also
                          link, and it runs as a test that must exit with 0
  ```cpp norun            the same, but a program is only linked, not run
  ```cpp fails "REGEX"    must fail to compile, with REGEX in the compiler output
A block without an #include gets `#include <nftpp/nftpp.hpp>` and `using namespace
nftpp;` in front; such a block (unless it must fail, or is one of docs/diagnostics.md's fixes) is also
compiled a second time with
`using namespace std; using namespace std::chrono;` in front as well (doc_<doc>_<n>_std),
so that no name of nftpp collides with the standard library's in user code. Blocks of other languages are ignored; a block labelled with another
name for C++ (c++, cxx, cc, hpp, ...) or a fence indented so that it would escape the
extraction is an error, so that a typo cannot switch a test off.

Usage: extract_examples.py OUT_DIR DOC.md...
Writes OUT_DIR/doc_<doc>_<n>.cpp (rewritten only when changed, so builds stay incremental)
and OUT_DIR/examples.cmake with one call per block:
  nftpp_doc_example(<name> "<file>" <mode> "<regex>" "<doc>:<line>")
where mode is compiles, run (a program to run), link (a program not to run) or fails.
"""
import os
import re
import sys

OPEN = re.compile(r"^```(\S*)(.*)$")  # an opening fence: language, attributes
CLOSE = re.compile(r"^```\s*$")  # a closing fence has nothing after the backticks
ATTRS = re.compile(r'^(?:\s+(fails)\s+"(.*)"|\s+(norun))?\s*$')
MAIN = re.compile(r"^\s*int\s+main\s*\(", re.M)
INDENTED = re.compile(r"^\s+```")  # a fence inside a list item or quote: not extracted
CPP_ALIASES = {"c++", "cxx", "cc", "hpp", "hxx", "h++", "h", "c", "cplusplus"}


class DocError(Exception):
    pass


def wrap(code: str) -> str:
    if "#include" in code:
        return code
    head = "#include <nftpp/nftpp.hpp>\nusing namespace nftpp;\n"
    return head + code + "\n"


STD_HEAD = ("#include <chrono>\n#include <optional>\n#include <string>\n#include <vector>\n"
            "using namespace std;\nusing namespace std::chrono;\n")


def write_if_changed(path: str, text: str) -> None:
    old = open(path).read() if os.path.exists(path) else None
    if old != text:
        with open(path, "w") as f:
            f.write(text)


def main() -> int:
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    entries = []
    written = set()
    for md in sys.argv[2:]:
        stem = re.sub(r"[^A-Za-z0-9]", "_", os.path.splitext(os.path.basename(md))[0])
        with open(md, encoding="utf-8") as f:
            lines = f.read().split("\n")
        i, n = 0, 0
        while i < len(lines):
            fence = OPEN.match(lines[i])
            if not fence:
                if INDENTED.match(lines[i]):
                    raise DocError(f"{md}:{i + 1}: indented code fence: start fences in the "
                                   "first column so that the block is extracted")
                i += 1
                continue
            start = i + 1
            j = start
            while j < len(lines) and not CLOSE.match(lines[j]):
                j += 1
            if j == len(lines):
                raise DocError(f"{md}:{start}: code block is not closed")
            i = j + 1
            if fence.group(1).lower() in CPP_ALIASES:
                raise DocError(f'{md}:{start}: C++ block labelled "{fence.group(1)}": label it '
                               '```cpp so that the tests compile it')
            if fence.group(1) != "cpp":
                continue  # text, sh, other languages: not compiled
            m = ATTRS.match(fence.group(2))
            if not m:
                raise DocError(f'{md}:{start}: unknown attributes "{fence.group(2).strip()}" '
                               '(use ```cpp, ```cpp norun or ```cpp fails "REGEX")')
            code = "\n".join(lines[start:j])
            n += 1
            name = f"doc_{stem}_{n}"
            path = os.path.join(out_dir, name + ".cpp")
            text = f"// {md}:{start}\n" + wrap(code)
            write_if_changed(path, text)
            written.add(name + ".cpp")
            if m.group(1):
                mode = "fails"
            elif MAIN.search(code):
                mode = "link" if m.group(3) else "run"
            else:
                mode = "compiles"
            regex = m.group(2) or ""
            entries.append((name, path, mode, regex, f"{md}:{start}"))
            if mode != "fails" and "#include" not in code and not md.endswith("diagnostics.md"):
                std_path = os.path.join(out_dir, name + "_std.cpp")
                write_if_changed(std_path, f"// {md}:{start}, with std and std::chrono opened\n" + STD_HEAD + wrap(code))
                written.add(name + "_std.cpp")
                entries.append((name + "_std", std_path, "compiles", "", f"{md}:{start}"))
    for stale in os.listdir(out_dir):
        if stale.startswith("doc_") and stale.endswith(".cpp") and stale not in written:
            os.remove(os.path.join(out_dir, stale))
    with open(os.path.join(out_dir, "examples.cmake"), "w") as f:
        for name, path, mode, regex, where in entries:
            rx = regex.replace("\\", "\\\\").replace('"', '\\"')
            f.write(f'nftpp_doc_example({name} "{path}" {mode} "{rx}" "{where}")\n')
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except DocError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
