// Interner: maps strings to small stable ids so that records can hold a
// 4-byte id instead of a std::string. Id 0 is the empty string.
// intern() is O(1) average; name(id) is O(1); ids stay valid until clear().
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace corolab {

class Interner {
 public:
  Interner() { intern(""); }
  uint32_t intern(std::string_view s) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    auto id = static_cast<uint32_t>(strings_.size());
    strings_.emplace_back(s);  // deque: element addresses stay valid
    ids_.emplace(strings_.back(), id);
    return id;
  }
  const std::string& name(uint32_t id) const { return strings_.at(id); }
  size_t size() const { return strings_.size(); }
  // Drops every string but "" (every other id becomes invalid).
  void clear() {
    ids_.clear();
    strings_.clear();
    intern("");
  }

 private:
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, uint32_t> ids_;
};

// The process-wide interner for task names, coroutine names and trace text.
Interner& interned();

// A holder of ids from interned(): while one or more InternerUse exist the
// ids stay valid; when the last one ends every string is dropped, so a
// run's task names and trace texts are freed with the run instead of
// accumulating across runs (a lang Session and the page's EngineLoop each
// hold one). Without any holder (engine tests) strings are kept.
class InternerUse {
 public:
  InternerUse();
  ~InternerUse();
  InternerUse(const InternerUse&) = delete;
  InternerUse& operator=(const InternerUse&) = delete;
};

}  // namespace corolab
