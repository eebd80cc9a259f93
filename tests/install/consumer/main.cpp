// Renders a small table; prints it.
#include <cstdio>

#include <nftpp/nftpp.hpp>

int main() {
    using namespace nftpp;
    const auto t = table<family::inet>("consumer", base_chain<"input", filter_chain(hook::input)>(tcp.dport == 22 >> accept));
    const std::string text = render_text(ruleset(replace(t)));
    std::fwrite(text.data(), 1, text.size(), stdout);
    return text.find("tcp dport 22 accept") == std::string::npos;
}
