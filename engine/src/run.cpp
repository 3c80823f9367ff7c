#include "corolab/run.hpp"

#include <algorithm>

#include "corolab/report.hpp"

namespace corolab::detail {

namespace {
Task<void> shutdown_asyncgens() { co_return; }
Task<void> shutdown_default_executor() { co_return; }
}  // namespace

void shutdown_like_asyncio_run(Loop& loop) {
  std::vector<Ref<TaskBase>> to_cancel = loop.all_tasks();
  std::reverse(to_cancel.begin(), to_cancel.end());  // creation order
  if (!to_cancel.empty()) {
    std::vector<Ref<FutureBase>> children;
    for (auto& t : to_cancel) {
      t->cancel();
      children.emplace_back(t);
    }
    run_until_complete(loop, gather_futures<void, true>(loop, std::move(children)));
    for (auto& t : to_cancel) {
      if (t->cancelled()) continue;
      if (std::exception_ptr e = t->exception()) {
        report(Report{"unhandled exception during asyncio.run() shutdown", "task: " + t->repr(), e});
      }
    }
  }
  run_until_complete(loop, shutdown_asyncgens());
  run_until_complete(loop, shutdown_default_executor());
}

}  // namespace corolab::detail
