#!/usr/bin/env bash
# Compile time as rules grow: a translation unit with N rules written with nftpp (one
# chain, each rule its own type, every check at compile time) against the same script
# built with plain fmt calls, for N = 10, 100, 1000, with g++ and clang++; and the cost
# of including <nftpp/nftpp.hpp> alone. Prints a Markdown table: CPU seconds (user + system
# of the compiler, best of 3, so a busy machine changes the figures little), and the cost
# per rule added since the row above (the first row: since the include alone), which stays
# flat when growth is linear.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=${NFTPP_BENCH_SIZES:-"10 100 250 500 1000"}

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

best_of_3() {  # compiler file -> CPU seconds
  local best="" d
  for _ in 1 2 3; do
    d=$( { TIMEFORMAT='%U %S'; time "$1" -std=c++20 -O0 -Iinclude -c "$2" -o /dev/null; } 2>&1 | tail -n 1 |
         awk '{ printf "%.3f", $1 + $2 }')
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc)" = 1 ]; then best=$d; fi
  done
  echo "$best"
}
per_rule_ms() {  # seconds previous-seconds rules-added
  echo "scale=4; ($1 - $2) * 1000 / $3" | bc | awk '{ printf "%.1f", $1 }'
}

declare -A base
echo "| translation unit | g++ s | g++ ms per added rule | clang++ s | clang++ ms per added rule |"
echo "|---|---:|---:|---:|---:|"
for c in g++ clang++; do base[fmt_$c]=$(best_of_3 $c "$work/fmt_include_only.cpp"); done
for c in g++ clang++; do base[nftpp_$c]=$(best_of_3 $c "$work/include_only.cpp"); done
printf '| `#include <fmt/format.h>` alone | %.2f | | %.2f | |\n' "${base[fmt_g++]}" "${base[fmt_clang++]}"
printf '| `#include <nftpp/nftpp.hpp>` alone | %.2f | | %.2f | |\n' "${base[nftpp_g++]}" "${base[nftpp_clang++]}"
prev_n=0
for n in $sizes; do
  gen_nftpp "$n"
  gen_fmt "$n"
  for lib in nftpp fmt; do
    row="| $n rules, $lib"
    for c in g++ clang++; do
      t=$(best_of_3 $c "$work/${lib}_$n.cpp")
      row="$row | $(printf '%.2f' "$t") | $(per_rule_ms "$t" "${base[${lib}_$c]}" $((n - prev_n)))"
      base[${lib}_$c]=$t
    done
    echo "$row |"
  done
  prev_n=$n
done
