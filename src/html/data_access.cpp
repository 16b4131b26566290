// Access to a private part of kainjow: the component tree of a parsed
// template (render_tree.cpp walks it).
//
// kainjow offers no accessor for either. An explicit template instantiation
// may name a private member (C++20 [temp.spec.general]/6), which is how each
// pointer-to-member is taken here, once. If kainjow ever renames a member
// this stops compiling: then fall back to kainjow's own render(), which is
// correct, only slower.
#include <utility>

#include "html/template_impl.h"

namespace chuxin::html {

namespace {

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

}  // namespace chuxin::html
