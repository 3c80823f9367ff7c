#include "corolab/interner.hpp"

namespace corolab {

Interner& interned() {
  static Interner the_interner;
  return the_interner;
}

}  // namespace corolab
