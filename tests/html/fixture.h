#pragma once
// A small but complete site built in code (no loader needed): one page of
// every kind, cross-referenced, with statuses as the schedule stage would
// set them for as-of 2026-07-01.
#include "model/model.h"

namespace chuxin::test {

model::Site fixture_site();

// A site of `n` pages of mixed kinds, for the performance check.
model::Site large_site(int n);

}  // namespace chuxin::test
