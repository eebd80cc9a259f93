#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Compile time, with g++ and clang++, in CPU seconds (user + system of the compiler, best
# of 3, so a busy machine changes the figures little), -O0 -c unless said:
#   1. Each entry header alone, against <fmt/format.h> alone.
#   2. The seed's fence (one inet table, one output chain, seven rules with run-time
#      proxy address, port and log prefix, rendered to text) in one translation unit,
#      against the same script built with one fmt::format call; at -O0 and -O2.
#   3. The goals: the fence with nftpp <= 1.5x the fence with fmt, and
#      <nftpp/nftpp.hpp> alone <= 2x <fmt/format.h> alone (each ratio per compiler).
#   4. As rules grow: a translation unit with N rules written with nftpp (one chain, each
#      rule its own type, every check at compile time) against the same script built with
#      plain fmt calls, and the cost per rule added since the row above (the first row:
#      since the include alone), which stays flat when growth is linear.
# Prints Markdown tables. NFTPP_BENCH_SIZES="10 100" changes the sizes of 4 ("" skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=${NFTPP_BENCH_SIZES-"10 100 250 500 1000"}

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

best_of_3() {  # compiler file [optimisation, default -O0] -> CPU seconds
  local best="" d
  for _ in 1 2 3; do
    d=$( { TIMEFORMAT='%U %S'; time "$1" -std=c++20 "${3:--O0}" -Iinclude -c "$2" -o /dev/null; } 2>&1 | tail -n 1 |
         awk '{ printf "%.3f", $1 + $2 }')
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc)" = 1 ]; then best=$d; fi
  done
  echo "$best"
}
per_rule_ms() {  # seconds previous-seconds rules-added
  echo "scale=4; ($1 - $2) * 1000 / $3" | bc | awk '{ printf "%.1f", $1 }'
}

# 1. Entry headers.
declare -A inc
echo "| included alone | g++ s | clang++ s |"
echo "|---|---:|---:|"
for h in fmt/format.h nftpp/values.hpp nftpp/dsl.hpp nftpp/exec.hpp nftpp/log.hpp nftpp/nftpp.hpp nftpp/readback.hpp; do
  id=$(echo "$h" | tr '/.' '__')
  echo "#include <$h>" > "$work/inc_$id.cpp"
  row="| \`<$h>\`"
  for c in g++ clang++; do
    inc[${id}_$c]=$(best_of_3 $c "$work/inc_$id.cpp")
    row="$row | $(printf '%.2f' "${inc[${id}_$c]}")"
  done
  echo "$row |"
done
echo

# 2. The seed's fence.
fence_rules() {  # the seven rules, shared by the nftpp units
  cat <<'CPP'
std::string fence(const ipv4_addr& proxy, port proxy_port, const log_prefix& prefix) {
    constexpr auto log_rate = limit(5 / second, burst(10));
    const auto t = table<family::inet>("openshell_bypass",
        base_chain<"output", filter_chain(hook::output)>(policy::accept,
            ip.daddr == proxy && tcp.dport == proxy_port >> accept,
            oifname == "lo" >> accept,
            ct.state == (established | related) >> accept,
            tcp.flags == syn >> log_rate >> log(prefix, skuid),
            meta.l4proto == tcp >> reject(tcp_reset),
            meta.l4proto == udp >> log_rate >> log(prefix, skuid),
            meta.l4proto == udp >> reject(icmpx_code::port_unreachable)));
    return render_text(ruleset(replace(t)));
}
int main(int argc, char** argv) {
    if (argc < 4) return 2;
    const std::string s = fence(ipv4_addr::parse(argv[1]).value(), port::parse(argv[2]).value(),
                                log_prefix::parse(argv[3]).value());
    std::fwrite(s.data(), 1, s.size(), stdout);
}
CPP
}
for h in dsl nftpp; do
  { echo '#include <cstdio>'; echo "#include <nftpp/$h.hpp>"; echo 'using namespace nftpp;'; fence_rules; } > "$work/fence_$h.cpp"
done
cat > "$work/fence_fmt.cpp" <<'CPP'
#include <cstdio>
#include <string>
#include <fmt/format.h>
std::string fence(const std::string& proxy, int proxy_port, const std::string& prefix) {
    return fmt::format(
        "add table inet openshell_bypass\n"
        "delete table inet openshell_bypass\n"
        "table inet openshell_bypass {{\n"
        "\tchain output {{\n"
        "\t\ttype filter hook output priority 0; policy accept;\n"
        "\t\tip daddr {0} tcp dport {1} accept\n"
        "\t\toifname \"lo\" accept\n"
        "\t\tct state established,related accept\n"
        "\t\ttcp flags syn limit rate 5/second burst 10 packets log prefix \"{2}\" flags skuid\n"
        "\t\tmeta l4proto tcp reject with tcp reset\n"
        "\t\tmeta l4proto udp limit rate 5/second burst 10 packets log prefix \"{2}\" flags skuid\n"
        "\t\tmeta l4proto udp reject with icmpx type port-unreachable\n"
        "\t}}\n"
        "}}\n",
        proxy, proxy_port, prefix);
}
int main(int argc, char** argv) {
    if (argc < 4) return 2;
    const std::string s = fence(argv[1], std::stoi(argv[2]), argv[3]);
    std::fwrite(s.data(), 1, s.size(), stdout);
}
CPP
declare -A fence
echo "| the seed's fence, one translation unit | g++ -O0 s | g++ -O2 s | clang++ -O0 s | clang++ -O2 s |"
echo "|---|---:|---:|---:|---:|"
for v in fmt dsl nftpp; do
  case $v in
    fmt) label='fmt: one `fmt::format` call' ;;
    dsl) label='nftpp, `#include <nftpp/dsl.hpp>`' ;;
    nftpp) label='nftpp, `#include <nftpp/nftpp.hpp>`' ;;
  esac
  row="| $label"
  for c in g++ clang++; do
    for o in -O0 -O2; do
      fence[${v}_${c}_$o]=$(best_of_3 $c "$work/fence_$v.cpp" $o)
      row="$row | $(printf '%.2f' "${fence[${v}_${c}_$o]}")"
    done
  done
  echo "$row |"
done
echo

# 3. The goals.
ratio() { echo "scale=4; $1 / $2" | bc | awk '{ printf "%.2f", $1 }'; }
verdict() { if [ "$(echo "$1 <= $2" | bc)" = 1 ]; then echo "met"; else echo "not met"; fi; }
echo "| goal | g++ | clang++ |"
echo "|---|---:|---:|"
for o in -O0 -O2; do
  row="| the fence with \`<nftpp/dsl.hpp>\` / with fmt, $o (goal <= 1.5)"
  for c in g++ clang++; do
    r=$(ratio "${fence[dsl_${c}_$o]}" "${fence[fmt_${c}_$o]}")
    row="$row | $r ($(verdict "$r" 1.5))"
  done
  echo "$row |"
done
row='| `<nftpp/nftpp.hpp>` alone / `<fmt/format.h>` alone (goal <= 2)'
for c in g++ clang++; do
  r=$(ratio "${inc[nftpp_nftpp_hpp_$c]}" "${inc[fmt_format_h_$c]}")
  row="$row | $r ($(verdict "$r" 2))"
done
echo "$row |"
[ -z "$sizes" ] && exit 0
echo

# 4. As rules grow.
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
