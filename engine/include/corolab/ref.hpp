// Ref<T>: an intrusive reference-counted pointer. T provides add_ref() and
// release() (release frees at zero). Copy = +1, move = free, 8 bytes.
#pragma once
#include <utility>

namespace corolab {

template <class T>
class Ref {
 public:
  Ref() noexcept = default;
  // Adopts one reference already held by the caller.
  static Ref adopt(T* p) noexcept { Ref r; r.p_ = p; return r; }
  // Takes a new reference.
  explicit Ref(T* p) noexcept : p_(p) { if (p_) p_->add_ref(); }
  Ref(const Ref& o) noexcept : p_(o.p_) { if (p_) p_->add_ref(); }
  Ref(Ref&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  template <class U>
  Ref(Ref<U>&& o) noexcept : p_(o.detach()) {}
  template <class U>
  Ref(const Ref<U>& o) noexcept : p_(o.get()) { if (p_) p_->add_ref(); }
  Ref& operator=(Ref o) noexcept { std::swap(p_, o.p_); return *this; }
  ~Ref() { if (p_) p_->release(); }

  T* get() const noexcept { return p_; }
  T* operator->() const noexcept { return p_; }
  T& operator*() const noexcept { return *p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  // Gives up ownership without releasing.
  T* detach() noexcept { return std::exchange(p_, nullptr); }
  void reset() noexcept { Ref().swap(*this); }
  void swap(Ref& o) noexcept { std::swap(p_, o.p_); }
  friend bool operator==(const Ref& a, const Ref& b) noexcept { return a.p_ == b.p_; }

 private:
  T* p_ = nullptr;
};

}  // namespace corolab
