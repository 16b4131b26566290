#pragma once
// Percent-encoding (RFC 3986 §2.1) for links and feed/calendar URLs. Chinese
// paths stay Chinese in the model and are encoded only where a URL is written.
#include <string>
#include <string_view>

namespace chuxin {

// Keeps the unreserved characters (A–Z a–z 0–9 - . _ ~) and the ASCII
// characters listed in `keep`; every other byte becomes %XX (upper case).
std::string percent_encode(std::string_view s, std::string_view keep);

}  // namespace chuxin
