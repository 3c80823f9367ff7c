#include "corolab/trace.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace corolab {

const char* to_string(TraceEv e) {
  static const char* const names[] = {"task_create", "task_start", "task_suspend", "task_resume",
                                      "task_done",   "timer_set",  "timer_fire",   "timer_cancel",
                                      "iteration",   "block",      "output",       "truncated"};
  return names[static_cast<int>(e)];
}

const char* to_string(On o) {
  static const char* const names[] = {"sleep", "task",      "future", "gather", "wait",  "lock",
                                      "event", "semaphore", "condition", "queue", "yield", "other"};
  return names[static_cast<int>(o)];
}

const char* to_string(TaskOutcome o) {
  static const char* const names[] = {"result", "error", "cancelled"};
  return names[static_cast<int>(o)];
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

// Shortest round-trip form of a double, as JSON (integers print without
// a fraction: 1 rather than 1.0, matching the schema's examples).
void append_json_number(std::string& out, double v) {
  char buf[32];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  out += buf;
}

namespace {

void put_key(std::string& out, const char* key) {
  out += ",\"";
  out += key;
  out += "\":";
}

}  // namespace

std::string Trace::to_json(const TraceRecord& r) {
  std::string out = "{\"t\":";
  append_json_number(out, r.t);
  out += ",\"ev\":\"";
  out += to_string(r.ev);
  out += '"';
  const std::string& text = interned().name(r.detail);
  auto put_task = [&] {
    put_key(out, "task");
    out += std::to_string(r.task);
  };
  switch (r.ev) {
    case TraceEv::task_create:
      put_task();
      put_key(out, "name");
      append_json_string(out, text);
      put_key(out, "parent");
      out += std::to_string(r.a);
      break;
    case TraceEv::task_start:
    case TraceEv::task_resume:
      put_task();
      break;
    case TraceEv::task_suspend:
      put_task();
      put_key(out, "on");
      out += '"';
      out += to_string(static_cast<On>(r.sub));
      out += '"';
      if (static_cast<On>(r.sub) == On::sleep) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "until %.3f", r.x);
        put_key(out, "detail");
        append_json_string(out, buf);
      } else if (r.detail) {
        put_key(out, "detail");
        append_json_string(out, text);
      }
      break;
    case TraceEv::task_done:
      put_task();
      put_key(out, "outcome");
      out += '"';
      out += to_string(static_cast<TaskOutcome>(r.sub));
      out += '"';
      if (r.detail) {
        put_key(out, "detail");
        append_json_string(out, text);
      }
      break;
    case TraceEv::timer_set:
      put_key(out, "timer");
      out += std::to_string(r.a);
      put_key(out, "deadline");
      append_json_number(out, r.x);
      break;
    case TraceEv::timer_fire:
    case TraceEv::timer_cancel:
      put_key(out, "timer");
      out += std::to_string(r.a);
      break;
    case TraceEv::iteration:
      put_key(out, "n");
      out += std::to_string(r.a);
      break;
    case TraceEv::block:
      put_task();
      put_key(out, "until");
      append_json_number(out, r.x);
      break;
    case TraceEv::output:
      put_task();
      put_key(out, "stream");
      out += static_cast<Stream>(r.sub) == Stream::err ? "\"err\"" : "\"out\"";
      put_key(out, "text");
      append_json_string(out, text);
      break;
    case TraceEv::truncated:
      break;
  }
  out += '}';
  return out;
}

std::string Trace::to_json_lines() const {
  std::string out;
  for (const auto& r : records_) {
    out += to_json(r);
    out += '\n';
  }
  return out;
}

}  // namespace corolab
