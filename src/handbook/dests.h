#pragma once
// Names of PDF destinations and web addresses of pages, shared by the body
// converter and the typed-kind layouts so links and targets always agree.
#include <string>

#include "model/model.h"

namespace chuxin::handbook {

// "p:<id>" for a page (its chapter start), "p:<id>#<anchor>" for a heading
// or an item inside it.
std::string page_dest(const std::string& id);
std::string anchor_dest(const std::string& id, const std::string& anchor);

// The page's web address: site base_url + page url (+ "#anchor"), with
// non-ASCII bytes percent-encoded (content-format §8 "URLs").
std::string web_url(const model::Site& site, const model::Page& page, const std::string& anchor = "");
std::string percent_encode_path(const std::string& s);

// The title a reference with empty link text shows (content-format §8):
// a checklist item's issue, a study item's or event's title, a heading's
// text, else the page title.
std::string target_title(const model::Page& target, const std::string& anchor);

}  // namespace chuxin::handbook
