// The trace: a compact record of what the loop did and when (schema in
// docs/ARCHITECTURE.md). Records are 32 bytes, hold no std::string (text is
// interned), and are appended only when a Trace is attached to the loop:
// with none attached, each hook costs one null check.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corolab/interner.hpp"

namespace corolab {

enum class TraceEv : uint8_t {
  task_create,   // task, a = parent task id, detail = name
  task_start,    // task
  task_suspend,  // task, sub = On, x = until (sleep), detail = text
  task_resume,   // task
  task_done,     // task, sub = TaskOutcome, detail = result/error text
  timer_set,     // a = timer id, x = deadline
  timer_fire,    // a = timer id
  timer_cancel,  // a = timer id
  iteration,     // a = iteration number
  block,         // task, x = until
  output,        // task, sub = Stream, detail = text
  truncated,     // the last record: the trace reached its size limit; nothing after it was recorded
};

// What a suspended task waits on.
enum class On : uint8_t { sleep, task, future, gather, wait, lock, event, semaphore, condition, queue, yield, other };
enum class TaskOutcome : uint8_t { result, error, cancelled };
enum class Stream : uint8_t { out, err };

struct TraceRecord {
  double t;         // loop time of the event
  double x;         // deadline / until, when the event has one
  uint32_t task;    // task id (0 = none)
  uint32_t a;       // timer id, parent id or iteration number
  uint32_t detail;  // interned text id (0 = none)
  TraceEv ev;
  uint8_t sub;      // On, TaskOutcome or Stream
};

// Appends s as a JSON string literal (quotes and escapes), as the trace's
// JSON form writes its texts.
void append_json_string(std::string& out, std::string_view s);
// Appends v in its shortest round-trip form (1, not 1.0).
void append_json_number(std::string& out, double v);

const char* to_string(TraceEv);
const char* to_string(On);
const char* to_string(TaskOutcome);

class Trace {
 public:
  // Whether loop iterations are recorded (they can dominate a trace).
  bool record_iterations = true;

  // At most this many records (0: no limit); when it is reached, one
  // `truncated` record ends the trace and later events are dropped.
  std::size_t max_records = 0;
  bool truncated() const { return truncated_; }

  void add(const TraceRecord& r) {
    if (max_records && records_.size() + 1 >= max_records) {
      if (truncated_) return;
      truncated_ = true;
      records_.push_back(TraceRecord{r.t, 0, 0, 0, 0, TraceEv::truncated, 0});
      return;
    }
    records_.push_back(r);
  }
  const std::vector<TraceRecord>& records() const { return records_; }
  void clear() { records_.clear(); truncated_ = false; }
  // The text of a record's detail field.
  const std::string& text(const TraceRecord& r) const { return interned().name(r.detail); }
  // One JSON object per record, one per line (ARCHITECTURE.md's schema).
  std::string to_json_lines() const;
  static std::string to_json(const TraceRecord& r);

 private:
  std::vector<TraceRecord> records_;
  bool truncated_ = false;
};

}  // namespace corolab
