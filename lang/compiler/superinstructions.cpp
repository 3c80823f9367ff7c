// Superinstructions (lang/compiler/code.hpp): the pass that makes them. The VM runs
// each next to the generic ops it shortcuts (lang/vm/vm.cpp).
#include "lang/front/ast.hpp"
#include "lang/compiler/code.hpp"

namespace corolab::lang {

void fuse_superinstructions(Code& c) {
    auto& code = c.code;
    const std::size_t n = code.size();
    auto op_at = [&](std::size_t i) { return i < n ? code[i].op : Op::Nop; };
    // A local's load, checked (may be unbound) or not: the VM checks both.
    auto local = [](Op op) { return op == Op::LoadFast || op == Op::LoadFastChecked; };
    // Going forward, ops at i + 1 and i + 2 are still the compiler's.
    for (std::size_t i = 0; i < n; ++i) {
        Op a = code[i].op, b = op_at(i + 1);
        if (local(a) && b == Op::LoadConst) {
            Op third = op_at(i + 2);
            int kind = i + 2 < n ? code[i + 2].arg : 0;
            bool arith = kind == static_cast<int>(BinOpKind::Add) || kind == static_cast<int>(BinOpKind::Sub) ||
                         kind == static_cast<int>(BinOpKind::Mult);
            if ((third == Op::BinaryOp || third == Op::InplaceOp) && arith) code[i].op = Op::LoadFastConstBinary;
            else if (third == Op::CompareOp) code[i].op = Op::LoadFastConstCompare;
            else code[i].op = Op::LoadFastLoadConst;
        } else if (local(a) && local(b)) {
            code[i].op = Op::LoadFastLoadFast;
        } else if (a == Op::CompareOp && (b == Op::PopJumpIfFalse || b == Op::PopJumpIfTrue)) {
            code[i].op = Op::CompareJump;
        } else if (a == Op::ForIter && b == Op::StoreFast) {
            code[i].op = Op::ForIterStoreFast;
        }
    }
}

}  // namespace corolab::lang
