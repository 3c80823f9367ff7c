// The exceptions asyncio raises, as C++ types. Every engine error derives
// from std::exception; what() is the message asyncio would show.
#pragma once
#include <exception>
#include <optional>
#include <string>
#include <vector>

namespace corolab {

// Raised at a task's suspension point when it is cancelled (asyncio's
// CancelledError). message() is cancel(msg)'s msg, empty when none.
// Not final: an interpreter may derive its own type to carry extra data.
class CancelledError : public std::exception {
 public:
  CancelledError() = default;
  explicit CancelledError(std::optional<std::string> msg) : msg_(std::move(msg)) {}
  const char* what() const noexcept override { return msg_ ? msg_->c_str() : ""; }
  // cancel()'s msg; nullopt when cancel() had none (Python's None).
  const std::optional<std::string>& message() const noexcept { return msg_; }

 private:
  std::optional<std::string> msg_;
};

// A message-carrying engine error; kind() is the Python class name.
class EngineError : public std::exception {
 public:
  explicit EngineError(std::string msg) : msg_(std::move(msg)) {}
  const char* what() const noexcept override { return msg_.c_str(); }
  virtual const char* kind() const noexcept = 0;

 private:
  std::string msg_;
};

#define COROLAB_ERROR(Name)                                          \
  class Name : public EngineError {                                  \
   public:                                                           \
    explicit Name(std::string msg = {}) : EngineError(std::move(msg)) {} \
    const char* kind() const noexcept override { return #Name; }     \
  };
// asyncio.TimeoutError is the builtin TimeoutError in 3.11.
COROLAB_ERROR(TimeoutError)
COROLAB_ERROR(InvalidStateError)
COROLAB_ERROR(QueueFull)
COROLAB_ERROR(QueueEmpty)
COROLAB_ERROR(RuntimeError)
COROLAB_ERROR(ValueError)
COROLAB_ERROR(BrokenBarrierError)
// Raised by run_until_complete when nothing can ever run again
// (virtual clock, no ready callback, no timer, target unfinished).
COROLAB_ERROR(DeadlockError)
#undef COROLAB_ERROR

// Several errors from a TaskGroup (Python's BaseExceptionGroup).
class ExceptionGroup : public std::exception {
 public:
  ExceptionGroup(std::string msg, std::vector<std::exception_ptr> errors)
      : msg_(std::move(msg)), errors_(std::move(errors)) {}
  const char* what() const noexcept override { return msg_.c_str(); }
  const std::vector<std::exception_ptr>& exceptions() const noexcept { return errors_; }

 private:
  std::string msg_;
  std::vector<std::exception_ptr> errors_;
};

// True if e holds a CancelledError (or a type derived from it).
bool is_cancelled_error(const std::exception_ptr& e) noexcept;

}  // namespace corolab
