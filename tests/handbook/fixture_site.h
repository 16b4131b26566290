#pragma once
// A small site built in code (no files): a handbook including a study list,
// a checklist, a case, minutes and a schedule, plus a page outside the book.
#include "model/model.h"

namespace chuxin::handbook_test {

model::Site fixture_site();
// Index of the handbook page in fixture_site().pages.
int handbook_index(const model::Site& site);

}  // namespace chuxin::handbook_test
