#pragma once
// The 公文 fields of a `style: gbt9704` handbook (GB/T 9704-2012 §7).
#include "load/fields.h"
#include "model/model.h"

namespace chuxin::load {

void read_gongwen(const Fields& f, model::Gongwen& g);
// A handbook of another style given 公文 fields: a warning for each.
void reject_gongwen_fields(const Fields& f);

}  // namespace chuxin::load
