// Helpers shared by the engine suites: a fresh loop with Task-1 numbering
// and a log of (time, text) lines.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "corolab/corolab.hpp"

namespace corolab::test {

struct Line {
  double t;
  std::string text;
  bool operator==(const Line& o) const { return t == o.t && text == o.text; }
};

// A time as Python prints a float with one decimal ("1.0").
std::string seconds(double t);

// Collects what a scenario "prints", stamped with the loop's time.
class Log {
 public:
  explicit Log(Loop& loop) : loop_(loop) {}
  void operator()(std::string text) { lines_.push_back({loop_.time(), std::move(text)}); }
  std::vector<std::string> texts() const;
  // "<t %.3f>\t<text>" per line: the oracle's tsv (tests/oracle/vclock.py).
  std::vector<std::string> tsv() const;
  const std::vector<Line>& lines() const { return lines_; }

 private:
  Loop& loop_;
  std::vector<Line> lines_;
};

// Captures reports (never-retrieved exceptions) while alive.
class CapturedReports {
 public:
  CapturedReports();
  ~CapturedReports();
  std::vector<std::string> texts;
};

}  // namespace corolab::test
