#!/usr/bin/env bash
# Compile time as rules grow: a translation unit with N rules written with nftpp (one
# chain, each rule its own type, every check at compile time) against the same script
# built with plain fmt calls, for N = 10, 100, 1000, with g++ and clang++; and the cost
# of including <nftpp/nftpp.hpp> alone. Prints a Markdown table (seconds, best of 3).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=${NFTPP_BENCH_SIZES:-"10 100 1000"}

gen_nftpp() {  # N
  {
    echo '#include <nftpp/nftpp.hpp>'
    echo 'using namespace nftpp;'
    echo 'std::string make(const ipv4_addr& src) {'
    echo '    const auto t = table<family::inet>("big", base_chain<"input", filter_chain(hook::input)>('
    for ((i = 0; i < $1; i++)); do
      sep=","; [ $i -eq $(($1 - 1)) ] && sep=""
      echo "        ip.saddr == src && tcp.dport == $((1000 + i)) >> accept${sep}"
    done
    echo '    ));'
    echo '    return render_text(ruleset(replace(t)));'
    echo '}'
  } > "$work/nftpp_$1.cpp"
}
gen_fmt() {  # N
  {
    echo '#include <fmt/format.h>'
    echo '#include <string>'
    echo 'std::string make(const std::string& src) {'
    echo '    std::string s = "add table inet big\ndelete table inet big\ntable inet big {\n\tchain input {\n\t\ttype filter hook input priority 0; policy accept;\n";'
    for ((i = 0; i < $1; i++)); do
      echo "    s += fmt::format(\"\\t\\tip saddr {} tcp dport {} accept\\n\", src, $((1000 + i)));"
    done
    echo '    return s + "\t}\n}\n";'
    echo '}'
  } > "$work/fmt_$1.cpp"
}
echo '#include <nftpp/nftpp.hpp>' > "$work/include_only.cpp"
echo '#include <fmt/format.h>' > "$work/fmt_include_only.cpp"

best_of_3() {  # compiler file
  local best=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    "$1" -std=c++20 -O0 -Iinclude -c "$2" -o /dev/null
    t1=$(date +%s.%N)
    local d
    d=$(echo "$t1 - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc)" = 1 ]; then best=$d; fi
  done
  printf '%.2f' "$best"
}

echo "| translation unit | g++ s | clang++ s |"
echo "|---|---:|---:|"
echo "| \`#include <fmt/format.h>\` alone | $(best_of_3 g++ "$work/fmt_include_only.cpp") | $(best_of_3 clang++ "$work/fmt_include_only.cpp") |"
echo "| \`#include <nftpp/nftpp.hpp>\` alone | $(best_of_3 g++ "$work/include_only.cpp") | $(best_of_3 clang++ "$work/include_only.cpp") |"
for n in $sizes; do
  gen_nftpp "$n"
  gen_fmt "$n"
  echo "| $n rules, nftpp | $(best_of_3 g++ "$work/nftpp_$n.cpp") | $(best_of_3 clang++ "$work/nftpp_$n.cpp") |"
  echo "| $n rules, fmt | $(best_of_3 g++ "$work/fmt_$n.cpp") | $(best_of_3 clang++ "$work/fmt_$n.cpp") |"
done
