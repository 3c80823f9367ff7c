// Callback: what the ready queue and the timer heap hold. Three words, no
// allocation: a function and two arguments. fn(a, b, true) runs it;
// fn(a, b, false) discards it (releases whatever a and b own) and is what
// Loop::stop() uses to drop pending work without running it.
#pragma once

namespace corolab {

struct Callback {
  using Fn = void (*)(void* a, void* b, bool run);
  Fn fn = nullptr;
  void* a = nullptr;
  void* b = nullptr;

  void run() const { fn(a, b, true); }
  void discard() const { fn(a, b, false); }
};

}  // namespace corolab
