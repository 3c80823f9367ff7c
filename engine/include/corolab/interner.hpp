// Interner: maps strings to small stable ids so that records can hold a
// 4-byte id instead of a std::string. Id 0 is the empty string.
// intern() is O(1) average; name(id) is O(1); ids are never reused.
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

 private:
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, uint32_t> ids_;
};

// The process-wide interner for task names, coroutine names and trace text.
Interner& interned();

}  // namespace corolab
