#include "corolab/interner.hpp"

namespace corolab {

Interner& interned() {
  static Interner the_interner;
  return the_interner;
}

namespace {
int g_users = 0;  // live InternerUse objects
}  // namespace

InternerUse::InternerUse() { ++g_users; }
InternerUse::~InternerUse() {
  if (--g_users == 0) interned().clear();
}

}  // namespace corolab
