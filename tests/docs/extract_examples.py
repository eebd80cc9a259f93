#!/usr/bin/env python3
"""Extract the C++ examples of Markdown files into translation units.

Conventions (docs/CONTRIBUTING-docs.md):
  ```cpp                  must compile (and link, if it has main)
  ```cpp fails "REGEX"    must fail to compile, with REGEX in the compiler output
  ```cpp norun            alias of ```cpp (kept for readability)
A block without an #include is wrapped: `#include <nftpp/nftpp.hpp>`, `using namespace
nftpp;` and, if it has no top-level declaration, a function body. Blocks of other
languages are ignored.

Writes OUT_DIR/<doc>_<n>.cpp and OUT_DIR/examples.cmake calling
nftpp_doc_example(<name> <file> <mode> <regex>).
"""
import os
import re
import sys

FENCE = re.compile(r'^```cpp(?:\s+(fails)\s+"(.*)"|\s+(norun))?\s*$')


def wrap(code: str) -> str:
    if "#include" in code:
        return code
    head = "#include <nftpp/nftpp.hpp>\nusing namespace nftpp;\n"
    return head + code + "\n"


def main() -> int:
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    entries = []
    for md in sys.argv[2:]:
        stem = re.sub(r"[^A-Za-z0-9]", "_", os.path.splitext(os.path.basename(md))[0])
        with open(md, encoding="utf-8") as f:
            lines = f.read().split("\n")
        i, n = 0, 0
        while i < len(lines):
            m = FENCE.match(lines[i])
            if not m:
                i += 1
                continue
            start = i + 1
            j = start
            while j < len(lines) and not lines[j].startswith("```"):
                j += 1
            code = "\n".join(lines[start:j])
            n += 1
            name = f"doc_{stem}_{n}"
            path = os.path.join(out_dir, name + ".cpp")
            text = f"// {md}:{start}\n" + wrap(code)
            old = open(path).read() if os.path.exists(path) else None
            if old != text:
                with open(path, "w") as f:
                    f.write(text)
            mode = "fails" if m.group(1) else "compiles"
            regex = m.group(2) or ""
            entries.append((name, path, mode, regex, f"{md}:{start}"))
            i = j + 1
    with open(os.path.join(out_dir, "examples.cmake"), "w") as f:
        for name, path, mode, regex, where in entries:
            rx = regex.replace("\\", "\\\\").replace('"', '\\"')
            f.write(f'nftpp_doc_example({name} "{path}" {mode} "{rx}" "{where}")\n')
    return 0


if __name__ == "__main__":
    sys.exit(main())
