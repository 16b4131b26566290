// Access to the field map inside a kainjow data object (template_impl.h).
//
// basic_data keeps its map in a private std::unique_ptr and has no accessor
// for it. An explicit template instantiation may name a private member
// (C++20 [temp.spec.general]/6), which is how the pointer-to-member is taken
// here, once. If kainjow ever renames the member this stops compiling: then
// fall back to `object[key] = value`, which is correct, only slower.
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

}  // namespace

kainjow::mustache::object& fields_of(Data& object) { return *(object.*object_member()); }

Data string_data(std::string&& text) {
    Data value(Data::type::string);
    // string_value() is the data's own string, allocated above and not const.
    const_cast<std::string&>(value.string_value()) = std::move(text);
    return value;
}

}  // namespace chuxin::html
