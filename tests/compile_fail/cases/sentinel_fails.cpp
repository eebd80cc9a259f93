// expect: nftpp harness sentinel: this must fail
// SPDX-License-Identifier: Apache-2.0
// Harness sentinel: the bad part always fails with a known message, so the harness is seen
// to build the bad variant and to match the message.
template <class T>
constexpr bool never = false;
template <class T>
void sentinel() {
#ifdef NFTPP_CF_BAD
    static_assert(never<T>, "nftpp harness sentinel: this must fail");
#endif
}
template void sentinel<int>();
