#include "corolab/report.hpp"

#include <cstdio>

#include "corolab/errors.hpp"

namespace corolab {
namespace {

ReportHook& report_hook() {
  static ReportHook hook;
  return hook;
}
DescribeHook& describe_hook() {
  static DescribeHook hook;
  return hook;
}

// Python's repr of a one-argument exception: Kind('msg') or Kind().
std::string exception_repr(const char* kind, const std::string& msg, bool has_msg) {
  std::string out = kind;
  out += '(';
  if (has_msg) {
    out += '\'';
    out += msg;
    out += '\'';
  }
  out += ')';
  return out;
}

}  // namespace

void set_report_hook(ReportHook hook) { report_hook() = std::move(hook); }

void report(const Report& r) {
  if (report_hook()) {
    report_hook()(r);
    return;
  }
  std::fprintf(stderr, "%s\n", r.text().c_str());
}

void set_describe_hook(DescribeHook hook) { describe_hook() = std::move(hook); }

std::string describe(const std::exception_ptr& e) {
  if (!e) return "None";
  if (describe_hook()) return describe_hook()(e);
  try {
    std::rethrow_exception(e);
  } catch (const CancelledError& c) {
    return exception_repr("CancelledError", c.message().value_or(""), c.message().has_value());
  } catch (const EngineError& x) {
    std::string msg = x.what();
    return exception_repr(x.kind(), msg, !msg.empty());
  } catch (const std::exception& x) {
    return exception_repr("Exception", x.what(), true);
  } catch (...) {
    return "Exception()";
  }
}

}  // namespace corolab
