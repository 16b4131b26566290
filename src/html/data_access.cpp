// Access to two private parts of kainjow: the field map inside a data object
// (template_impl.h) and the component tree of a parsed template
// (render_tree.cpp walks it).
//
// kainjow offers no accessor for either. An explicit template instantiation
// may name a private member (C++20 [temp.spec.general]/6), which is how each
// pointer-to-member is taken here, once. If kainjow ever renames a member
// this stops compiling: then fall back to `object[key] = value` and to
// kainjow's own render(), which are correct, only slower.
#include <utility>

#include "html/template_impl.h"

namespace chuxin::html {

namespace {

using ObjectPtr = std::unique_ptr<kainjow::mustache::object> Data::*;

// Hands out the member pointer it is instantiated with.
template <ObjectPtr Member>
struct ObjectMember {
    friend ObjectPtr object_member() { return Member; }
};
ObjectPtr object_member();
template struct ObjectMember<&Data::obj_>;

using Component = kainjow::mustache::component<std::string>;
using RootPtr = Component Mustache::*;

template <RootPtr Member>
struct RootMember {
    friend RootPtr root_member() { return Member; }
};
RootPtr root_member();
template struct RootMember<&Mustache::root_component_>;

}  // namespace

const Component& root_of(const Mustache& tpl) { return tpl.*root_member(); }

kainjow::mustache::object& fields_of(Data& object) { return *(object.*object_member()); }
const kainjow::mustache::object& fields_of(const Data& object) { return *(object.*object_member()); }

Data string_data(std::string&& text) {
    Data value(Data::type::string);
    // string_value() is the data's own string, allocated above and not const.
    const_cast<std::string&>(value.string_value()) = std::move(text);
    return value;
}

}  // namespace chuxin::html
