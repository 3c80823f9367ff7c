#include "corolab/errors.hpp"

namespace corolab {

bool is_cancelled_error(const std::exception_ptr& e) noexcept {
  if (!e) return false;
  // Only on error paths: classifying an exception_ptr needs a rethrow.
  try {
    std::rethrow_exception(e);
  } catch (const CancelledError&) {
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace corolab
