#pragma once
// Typed, positioned reading of one YAML map (front matter, a list item,
// site.yaml). Every accessor validates its value and reports a problem at the
// value's position, then returns nullopt/empty so the caller goes on: one
// file yields all of its errors (content-format §8).
#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>


#include "core/date.h"
#include "core/diagnostic.h"
#include "load/yaml_source.h"
#include "model/model.h"

namespace chuxin::load {

enum class Need { Optional, Required };

struct Field {
    std::string key;
    YamlNode key_node;
    YamlNode value;
};

// One accepted spelling of an enum value; several spellings may share a value
// (English and Chinese: `done` and `已销号`).
template <class E>
struct Choice {
    std::string_view name;
    E value;
};

// "a list", "a map", "empty" …: what a node is, for messages.
std::string describe(const YamlNode& node);

class Fields {
public:
    // `context` completes "missing field 'x' (required …)", e.g. "for minutes"
    // or "in each checklist item"; `owner` is where missing fields point.
    Fields(const YamlNode& map, const YamlSource& src, Diagnostics& diags, SourcePos owner,
           std::string context);

    // Reports every key not in `known`, with a did-you-mean; `fallback_hint`
    // gives a hint when no known key is near (may return "").
    void reject_unknown(const std::vector<std::string>& known,
                        const std::function<std::string(const std::string&)>& fallback_hint = {});

    const Field* find(std::string_view key) const;
    bool has(std::string_view key) const { return find(key) != nullptr; }
    SourcePos key_pos(const Field& f) const { return src_.pos(f.key_node); }
    // The value's position; the key's for an empty value (yaml-cpp marks those oddly).
    SourcePos value_pos(const Field& f) const;
    SourcePos pos(const YamlNode& node) const { return src_.pos(node); }
    const SourcePos& owner() const { return owner_; }
    void set_context(std::string context) { context_ = std::move(context); }
    const std::vector<Field>& all() const { return fields_; }
    Diagnostics& diags() const { return diags_; }
    const YamlSource& source() const { return src_; }

    // The field's value if present and not empty; reports a missing required field.
    const Field* get(std::string_view key, Need need) const;
    void report_missing(std::string_view key) const;

    std::optional<std::string> text(std::string_view key, Need need = Need::Optional) const;
    std::optional<long> integer(std::string_view key, Need need, long min, long max) const;
    std::optional<double> number(std::string_view key, Need need = Need::Optional) const;
    std::optional<bool> boolean(std::string_view key, Need need = Need::Optional) const;
    std::optional<Date> date(std::string_view key, Need need = Need::Optional) const;
    // A list of text, or one text (taken as a list of one).
    std::vector<std::string> texts(std::string_view key) const;
    std::optional<model::Ref> ref(std::string_view key) const;
    // A list of references, or one reference.
    std::vector<model::Ref> refs(std::string_view key) const;
    // `extra:`: a map, flattened to text ("a.b", "list.0").
    std::map<std::string, std::string> extra(std::string_view key) const;
    // A list (a single map is taken as a list of one); each entry with its node.
    std::vector<YamlNode> list(std::string_view key) const;

    template <class E>
    std::optional<E> choice(std::string_view key, const std::vector<Choice<E>>& choices,
                            Need need = Need::Optional) const {
        const Field* f = get(key, need);
        if (!f) return std::nullopt;
        std::vector<std::string_view> names;
        for (const auto& c : choices) names.push_back(c.name);
        int index = match_choice(*f, names);
        if (index < 0) return std::nullopt;
        return choices[static_cast<size_t>(index)].value;
    }

    // Value-level checks, also used for list entries. `label` names the value
    // in messages, e.g. "'due'" or "an entry of 'dates'".
    std::optional<std::string> as_text(const YamlNode& node, SourcePos pos, const std::string& label) const;
    std::optional<Date> as_date(const YamlNode& node, SourcePos pos, const std::string& label) const;
    // "10:15" when the field is a timestamp with a time of day, else empty.
    // Reports nothing: date() reports a bad value.
    std::string clock_of(std::string_view key) const;
    std::optional<model::Ref> as_ref(const YamlNode& node, SourcePos pos, const std::string& label) const;

private:
    int match_choice(const Field& f, const std::vector<std::string_view>& names) const;

    const YamlSource& src_;
    Diagnostics& diags_;
    SourcePos owner_;
    std::string context_;
    std::vector<Field> fields_;
    // Known keys offered for unknown ones: a typo ('titel') already reported
    // as "did you mean 'title'?" is not reported again as a missing 'title'.
    std::vector<std::string> suggested_;
};

// The English field name for a Chinese one a user may write (标题 → title), or "".
std::string english_field_name(std::string_view chinese);

// Hint for a date that did not parse: the exact rewrite when the intent is
// clear (2026/3/3, 2026年3月3日), the month length for 2026-02-30.
std::string date_hint(std::string_view text);

// True if `s` ends with "\n" or is made of spaces only, etc.: trims ASCII and
// full-width spaces at both ends.
std::string trim(std::string_view s);

}  // namespace chuxin::load
