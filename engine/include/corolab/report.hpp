// Reports of errors nobody handled, worded as asyncio words them:
//   "Task exception was never retrieved" / "Future exception was never
//   retrieved" (a failed future freed before anyone read its exception) and
//   "Exception in callback ..." (a callback that threw).
// They go to one process-wide hook (default: stderr).
#pragma once
#include <exception>
#include <functional>
#include <string>

namespace corolab {

struct Report {
  std::string message;    // "Task exception was never retrieved"
  std::string subject;    // "future: <Task finished name='Task-2' ... exception=ValueError('x')>"
  std::exception_ptr error;
  // message + "\n" + subject, as asyncio's default exception handler prints
  // before the traceback.
  std::string text() const { return subject.empty() ? message : message + "\n" + subject; }
};

using ReportHook = std::function<void(const Report&)>;
// Replaces the hook; an empty function restores the default (stderr).
void set_report_hook(ReportHook hook);
void report(const Report& r);

// How an exception is shown in reprs and the trace, e.g. "ValueError('x')".
// Default: CancelledError() / <kind>('<what>') for engine errors /
// Exception('<what>') for other std::exceptions. The interpreter installs
// one that knows its own exception type.
using DescribeHook = std::function<std::string(const std::exception_ptr&)>;
void set_describe_hook(DescribeHook hook);
std::string describe(const std::exception_ptr& e);

}  // namespace corolab
