#include "test_support.hpp"

#include <cstdio>

namespace corolab::test {

std::string seconds(double t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", t);
  return buf;
}

std::vector<std::string> Log::texts() const {
  std::vector<std::string> out;
  for (const auto& l : lines_) out.push_back(l.text);
  return out;
}

std::vector<std::string> Log::tsv() const {
  std::vector<std::string> out;
  for (const auto& l : lines_) {
    char t[32];
    std::snprintf(t, sizeof t, "%.3f\t", l.t);
    out.push_back(t + l.text);
  }
  return out;
}

CapturedReports::CapturedReports() {
  set_report_hook([this](const Report& r) { texts.push_back(r.text()); });
}
CapturedReports::~CapturedReports() { set_report_hook(nullptr); }

}  // namespace corolab::test
