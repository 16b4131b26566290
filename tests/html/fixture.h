#pragma once
// A small but complete site built in code (no loader needed): one page of
// every kind, cross-referenced, with statuses as the schedule stage would
// set them for as-of 2026-07-01.
#include "markdown/document.h"
#include "model/model.h"

namespace chuxin::test {

model::Site fixture_site();

// A site of `n` pages of mixed kinds, for the performance check.
model::Site large_site(int n);

// The markdown stage's trees of the site's bodies and intros (parsed from a
// copy: the site's refs stay as the fixture set them).
markdown::Documents fixture_documents(const model::Site& site);

}  // namespace chuxin::test
