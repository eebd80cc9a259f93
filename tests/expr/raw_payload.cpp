// SPDX-License-Identifier: Apache-2.0
// Raw payload fields (@ll, @nh, @th, @ih with a bit offset and length): golden renderings
// loaded for real, a typeof set of them, their value widths and field limits beside valid
// neighbours, and the kernel and nft refusing what nftpp refuses.
#include <type_traits>

#include <boost/hana/tuple.hpp>

#include "golden.hpp"

using namespace nftpp;
using nftpp_test::golden;
using nftpp_test::golden_rule;
namespace hana = boost::hana;

namespace {
constexpr auto input = filter_chain(hook::input);
constexpr auto fwd = filter_chain(hook::forward);
#define RULE(...) decltype(as_rule(__VA_ARGS__))
template <family F, class... R>
constexpr const rule* verdict = table_verdict_of<F, chain_t<"c", filter_chain(hook::input), hana::tuple<R...>>>().broken;
}  // namespace

TEST_CASE("raw payload matches render, and load", "[expr][raw_payload][golden]") {
    // Incus's neighbour-advertisement guard: the target MAC of an ICMPv6 option
    golden_rule<family::bridge, fwd>(icmpv6.type == icmpv6_type::nd_neighbor_advert && raw_nh<528, 48> != 0x00163e000001 >> drop,
                                     "icmpv6 type nd-neighbor-advert @nh,528,48 != 0x00163e000001 drop");
    golden_rule<family::inet, input>(raw_th<96, 24> == 0x123456 >> drop, "@th,96,24 0x123456 drop");
    golden_rule<family::inet, input>(meta.l4proto == tcp && raw_th<16, 16>.in({raw_bits<16>(80), raw_bits<16>(443)}) >> accept,
                                     "meta l4proto tcp @th,16,16 { 0x0050, 0x01bb } accept");
    golden_rule<family::inet, input>(raw_nh<4, 4> == 5 >> accept, "@nh,4,4 0x5 accept");  // not byte-aligned
    golden_rule<family::bridge, fwd>(raw_ll<48, 48> == 0x00163e000001 >> accept, "@ll,48,48 0x00163e000001 accept");
    golden_rule<family::inet, input>(raw_ih<0, 8> != 0 >> accept, "@ih,0,8 != 0x00 accept");
    golden_rule<family::arp, input>(raw_nh<0, 16> == 1 >> accept, "@nh,0,16 0x0001 accept");
    golden_rule<family::inet, input>(raw_nh<524280, 8> == 1 >> accept, "@nh,524280,8 0x01 accept");  // the last byte the kernel reads
    golden_rule<family::inet, input>(raw_nh<0, 63> == 0x7fffffffffffffff >> accept, "@nh,0,63 0x7fffffffffffffff accept");
    // a set of them, declared with typeof
    const auto t = table<family::inet>("raw", set<"ports", raw_bits<16>>(key_typeof(raw_th<16, 16>), {raw_bits<16>(22)}),
                                       base_chain<"in", input>(raw_th<16, 16> == at<"ports"> >> accept));
    golden(ruleset(replace(t)),
           "add table inet raw\n"
           "delete table inet raw\n"
           "table inet raw {\n"
           "\tset ports {\n\t\ttypeof @th,16,16\n\t\telements = {\n\t\t\t0x0016\n\t\t}\n\t}\n"
           "\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n"
           "\t\t@th,16,16 @ports accept\n\t}\n"
           "}\n");
}

TEST_CASE("raw payload fields of 64 to 128 bits render, and load", "[expr][raw_payload][golden]") {
    golden_rule<family::inet, input>(raw_nh<64, 96> == "0x000102030405060708090a0b" >> accept,
                                     "@nh,64,96 0x000102030405060708090a0b accept");
    golden_rule<family::inet, input>(raw_nh<0, 128> != 5 >> drop, "@nh,0,128 != 0x00000000000000000000000000000005 drop");
    golden_rule<family::inet, input>(raw_th<0, 64> == "0xffffffffffffffff" >> drop, "@th,0,64 0xffffffffffffffff drop");
    golden_rule<family::inet, input>((raw_th<0, 64> == 0xffffffffffffffff) >> drop, "@th,0,64 0xffffffffffffffff drop");
    golden_rule<family::inet, input>(raw_nh<8, 72> < "0x10" >> drop, "@nh,8,72 < 0x000000000000000010 drop");
    golden_rule<family::inet, input>(raw_nh<8, 72>.in({raw_bits<72>("0xff0000000000000000"), raw_bits<72>(2)}) >> drop,
                                     "@nh,8,72 { 0xff0000000000000000, 0x000000000000000002 } drop");
    golden_rule<family::inet, input>(raw_nh<0, 65>.set("0x1ffffffffffffffff"), "@nh,0,65 set 0x1ffffffffffffffff");
    // an IPv6 address as a raw field (the source of an ip6 header), and a typeof set of them
    const auto t = table<family::ip6>("wide", set<"srcs", raw_bits<128>>(key_typeof(raw_nh<64, 128>), {raw_bits<128>("0xfd000000000000000000000000000001")}),
                                      base_chain<"in", input>(raw_nh<64, 128> == at<"srcs"> >> accept));
    golden(ruleset(replace(t)),
           "add table ip6 wide\n"
           "delete table ip6 wide\n"
           "table ip6 wide {\n"
           "\tset srcs {\n\t\ttypeof @nh,64,128\n\t\telements = {\n\t\t\t0xfd000000000000000000000000000001\n\t\t}\n\t}\n"
           "\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n"
           "\t\t@nh,64,128 @srcs accept\n\t}\n"
           "}\n");
}

TEST_CASE("values of 64 to 128 bits are checked where written and when bound", "[expr][raw_payload][values]") {
    constexpr const rule* r = &rules::a_wide_raw_payload_value_is_a_number_or_hex_text;
    STATIC_REQUIRE(raw_bits<64>(0xffffffffffffffffu).lo == ~std::uint64_t{0});  // an unsigned literal is not cut
    STATIC_REQUIRE(raw_bits<128>("0xffffffffffffffffffffffffffffffff").hi == ~std::uint64_t{0});
    STATIC_REQUIRE(raw_bits<72>("0xff0000000000000000").hi == 0xff);
    STATIC_REQUIRE(raw_bits<72>("0x0000ff0000000000000000").hi == 0xff);  // leading zeros are not digits
    STATIC_REQUIRE(raw_bits<72>::parse("18446744073709551615").value().lo == ~std::uint64_t{0});
    STATIC_REQUIRE(raw_bits<72>::parse("0x1000000000000000000").err().broken == r);  // 73 bits
    STATIC_REQUIRE(raw_bits<128>::parse("0x1ffffffffffffffffffffffffffffffff").err().broken == r);  // 129 bits
    STATIC_REQUIRE(raw_bits<64>::parse("0x").err().broken == r);
    STATIC_REQUIRE(raw_bits<64>::parse("0xg").err().broken == r);
    STATIC_REQUIRE(raw_bits<64>::parse("18446744073709551616").err().broken == r);
    STATIC_REQUIRE(raw_bits<64>::parse("").err().broken == r);
    STATIC_REQUIRE(raw_bits<64>::from(-1).err().broken == r);
    STATIC_REQUIRE(raw_bits<64>::from(7).ok());
    STATIC_REQUIRE(raw_bits<96>("0x2") > raw_bits<96>(1));
    STATIC_REQUIRE(raw_bits<96>("0x10000000000000000") > raw_bits<96>("0xffffffffffffffff"));
    STATIC_REQUIRE(std::is_same_v<decltype(raw_nh<0, 100>)::value_type, raw_bits<100>>);
    STATIC_REQUIRE(!std::is_convertible_v<raw_bits<96>, operand<raw_bits<128>>>);
    STATIC_REQUIRE(decltype(raw_nh<0, 100>)::value_type::nft_type == "@100");
    CHECK(nftpp_test::node_text(raw_bits<128>(1)) == "0x00000000000000000000000000000001");
    CHECK(nftpp_test::node_text(raw_bits<68>("0xabcdef0123456789a")) == "0xabcdef0123456789a");
}

TEST_CASE("raw payload rules, each beside a valid neighbour", "[expr][raw_payload][checks]") {
    // the value fits in the field's bits
    STATIC_REQUIRE(raw_bits<8>::from(255).ok());
    STATIC_REQUIRE(raw_bits<8>::from(256).err().broken == &rules::a_raw_payload_value_fits_in_its_bits);
    STATIC_REQUIRE(raw_bits<48>::from(0xffffffffffff).ok());
    STATIC_REQUIRE(raw_bits<48>::from(0x1000000000000).err().broken == &rules::a_raw_payload_value_fits_in_its_bits);
    STATIC_REQUIRE(raw_bits<4>::parse("0xf").ok());
    STATIC_REQUIRE(!raw_bits<4>::parse("0x10").ok());
    // the field: 1 to 128 bits, within 65535 bytes (the placeholder type after the error)
    STATIC_REQUIRE(detail::raw_field_fits<524280, 63>);
    STATIC_REQUIRE(detail::raw_field_fits<524280, 128>);
    STATIC_REQUIRE(!detail::raw_field_fits<0, 129>);
    STATIC_REQUIRE(!detail::raw_field_fits<524288, 8>);
    STATIC_REQUIRE(detail::raw_field_fits<0, 1>);
    STATIC_REQUIRE(!detail::raw_field_fits<0, 0>);
    STATIC_REQUIRE(detail::raw_field_fits<0, 64>);
    // each length is its own type: a 16-bit value is not an operand of an 8-bit field
    STATIC_REQUIRE(std::is_same_v<decltype(raw_th<16, 16>)::value_type, raw_bits<16>>);
    STATIC_REQUIRE(std::is_convertible_v<raw_bits<16>, operand<raw_bits<16>>>);
    STATIC_REQUIRE(!std::is_convertible_v<raw_bits<16>, operand<raw_bits<8>>>);
    STATIC_REQUIRE(!std::is_convertible_v<port, operand<raw_bits<16>>>);
    // a set of them has no nft datatype: it is declared with typeof
    STATIC_REQUIRE(detail::set_elements_error<raw_bits<16>>(set_flags{}, static_cast<const operand<raw_bits<16>>*>(nullptr), 0) ==
                   &rules::a_set_of_values_without_an_nft_datatype_is_declared_with_key_typeof);
    STATIC_REQUIRE(detail::set_elements_error<raw_bits<16>>(key_typeof(raw_th<16, 16>), static_cast<const operand<raw_bits<16>>*>(nullptr), 0) ==
                   nullptr);
    STATIC_REQUIRE(detail::set_elements_error<raw_bits<16>>(key_typeof(raw_th<16, 8>), static_cast<const operand<raw_bits<16>>*>(nullptr), 0) ==
                   &rules::key_typeof_names_selectors_of_the_set_key_datatype);
    STATIC_REQUIRE(detail::set_elements_error<port>(set_flags{}, static_cast<const operand<port>*>(nullptr), 0) == nullptr);
    // the keyword as nft writes it
    STATIC_REQUIRE(decltype(raw_nh<528, 48>)::keyword == "@nh,528,48");
    STATIC_REQUIRE(decltype(raw_ll<0, 1>)::keyword == "@ll,0,1");
    STATIC_REQUIRE(decltype(raw_ih<100000, 9>)::keyword == "@ih,100000,9");
    // they pin nothing, and are no transport match (a port NAT still needs tcp or udp)
    STATIC_REQUIRE(verdict<family::arp, RULE(raw_nh<0, 16> == 1 >> accept)> == nullptr);
    STATIC_REQUIRE(verdict<family::ip6, RULE(raw_th<0, 16> == 1 && ip6.saddr == "::1" >> accept)> == nullptr);
    STATIC_REQUIRE(!rule_summary_v<RULE(raw_th<16, 16> == 80 >> accept)>.transport_match);
    STATIC_REQUIRE(rule_summary_v<RULE(tcp.dport == 80 >> accept)>.transport_match);
}

TEST_CASE("nft and the kernel refuse what the raw payload rules refuse", "[expr][raw_payload][netns]") {
    if (!nftpp_test::netns_usable()) return;
    const nftpp_test::refusal refused[] = {
        {"inet", "@nh,524288,8 1 drop", "Numerical result out of range"},
        {"inet", "@nh,0,8 256 drop", "exceeds valid range 0-255"},
        {"inet", "@th,0,4 16 drop", "exceeds valid range 0-15"},
        {"inet", "@nh,0,0 1 drop", "exceeds valid range 0-0"},
    };
    for (const auto& r : refused) nftpp_test::require_refused(r);
}
