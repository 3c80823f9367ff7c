// The sys module: what tutorials use of it (argv, exit, stdout/stderr.write,
// version_info, maxsize, the recursion limit, exc_info/exception).
#include "lang/modules/modules.hpp"
#include "lang/objects/ops.hpp"
#include "lang/output.hpp"
#include "lang/front/source.hpp"
#include "lang/vm/vm.hpp"

namespace corolab::lang {

namespace {

// sys.stdout / sys.stderr: write() goes where print() writes.
struct StreamObj : NativeObj {
    bool err;
    StreamObj(ClassObj* c, bool e) : NativeObj(c), err(e) {}
};

Value stream_write(Value* a, int n, const CallArgs&) {
    if (n != 2) return raise(T.TypeError, "write() takes exactly one argument (" + std::to_string(n - 1) + " given)");
    if (!is_str(a[1])) return raise(T.TypeError, "write() argument must be str, not " + type_name(a[1]));
    if (!write_output(as_str(a[1])->s, static_cast<StreamObj*>(a[0].o)->err)) return Value();
    return Value::integer(as_str(a[1])->cp_len);
}
Value stream_flush(Value*, int, const CallArgs&) { return Value::none(); }
Value stream_isatty(Value*, int, const CallArgs&) { return Value::boolean(false); }
Value stream_name(Value* a, int, const CallArgs&) {
    return str_value(static_cast<StreamObj*>(a[0].o)->err ? "<stderr>" : "<stdout>");
}

ClassObj* stream_class() {
    static ClassObj* c = nullptr;
    if (!c) {
        c = make_builtin_class("TextIOWrapper", T.object, Kind::Native);
        add_method(c, "write", stream_write);
        add_method(c, "flush", stream_flush);
        add_method(c, "isatty", stream_isatty);
        add_property(c, "name", stream_name);
    }
    return c;
}

Value sys_exit(Value* a, int n, const CallArgs&) {
    if (n > 1) return raise(T.TypeError, "exit expected at most 1 argument, got " + std::to_string(n));
    std::vector<Value> args;
    if (n == 1) args.push_back(a[0]);
    return raise_value(make_exception(T.SystemExit, std::move(args)));
}
Value sys_getrecursionlimit(Value*, int, const CallArgs&) { return Value::integer(1000); }
Value sys_setrecursionlimit(Value* a, int n, const CallArgs&) {
    std::int64_t v;
    if (n != 1 || !to_index(a[0], v)) return has_exc() ? Value() : raise(T.TypeError, "setrecursionlimit() takes exactly one argument");
    return raise(T.RuntimeError, "not supported in corolab: sys.setrecursionlimit (the limit is a run budget)");
}

// The exception an `except` clause of the running thread is handling (Null: none).
Value handled_exception() {
    Thread* th = rt().vm->current_thread();
    for (Frame* f = th ? th->top : nullptr; f; f = f->back)
        if (!f->cur_exc.is_null()) return f->cur_exc;
    return Value();
}
Value sys_exception(Value*, int n, const CallArgs&) {
    if (n != 0) return raise(T.TypeError, "sys.exception() takes no arguments (" + std::to_string(n) + " given)");
    Value e = handled_exception();
    return e.is_null() ? Value::none() : e;
}
// (type, value, None): corolab has no traceback objects.
Value sys_exc_info(Value*, int n, const CallArgs&) {
    if (n != 0) return raise(T.TypeError, "sys.exc_info() takes no arguments (" + std::to_string(n) + " given)");
    Value e = handled_exception();
    if (e.is_null()) return tuple_value({Value::none(), Value::none(), Value::none()});
    return tuple_value({Value(type_of(e)), e, Value::none()});
}
// For logging's Formatter.formatException: the traceback text of `exc`.
Value sys_corolab_format_exception(Value* a, int n, const CallArgs&) {
    if (n != 1 || !is_kind(a[0], Kind::Exception)) return raise(T.TypeError, "_corolab_format_exception() takes an exception");
    std::string msg;
    if (!append_str(msg, a[0])) return Value();
    return str_value(format_traceback(a[0], msg));
}
// For logging's %(filename)s %(lineno)d %(funcName)s: (file name, line,
// function) of the innermost scenario frame (library modules skipped).
Value sys_corolab_caller(Value*, int, const CallArgs&) {
    Thread* th = rt().vm->current_thread();
    for (Frame* f = th ? th->top : nullptr; f; f = f->back) {
        if (f->code->library) continue;
        int pc = f->pc > 0 ? f->pc - 1 : 0;
        int line = pc < static_cast<int>(f->code->lines.size()) ? f->code->lines[pc] : 0;
        return tuple_value({str_value(rt().filename), Value::integer(line), str_value(f->code->name)});
    }
    return tuple_value({str_value("(unknown file)"), Value::integer(0), str_value("(unknown function)")});
}

}  // namespace

std::string format_traceback(const Value& exc, const std::string& message) {
    auto* e = static_cast<ExceptionObj*>(exc.o);
    std::string tb;
    if (!e->traceback.empty()) tb += "Traceback (most recent call last):\n";
    for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
        tb += "  File \"" + rt().filename + "\", line " + std::to_string(it->line) + ", in " + it->function + "\n";
        std::string_view src = rt().source ? rt().source->line_text(it->line) : std::string_view();
        std::size_t a = src.find_first_not_of(" \t");
        if (a != std::string_view::npos) tb += "    " + std::string(src.substr(a)) + "\n";
    }
    tb += e->cls->name + (message.empty() ? "" : ": " + message) + "\n";
    return tb;
}

Value make_module_sys() {
    auto* m = make<ModuleObj>("sys");
    Value mv(m);
    auto def = [&](const char* name, BuiltinFnPtr f) { dict_set_str(m->dict, name, Value(make_builtin(name, f, true))); };
    def("exit", sys_exit);
    def("getrecursionlimit", sys_getrecursionlimit);
    def("setrecursionlimit", sys_setrecursionlimit);
    def("exception", sys_exception);
    def("exc_info", sys_exc_info);
    def("_corolab_caller", sys_corolab_caller);
    def("_corolab_format_exception", sys_corolab_format_exception);
    dict_set_str(m->dict, "argv", list_value({str_value(rt().filename)}));
    dict_set_str(m->dict, "stdout", Value(make<StreamObj>(stream_class(), false)));
    dict_set_str(m->dict, "stderr", Value(make<StreamObj>(stream_class(), true)));
    dict_set_str(m->dict, "maxsize", Value::integer(9223372036854775807LL));
    dict_set_str(m->dict, "platform", str_value("linux"));
    dict_set_str(m->dict, "byteorder", str_value("little"));
    dict_set_str(m->dict, "version", str_value("3.11.7 (corolab)"));
    // A named tuple as CPython's: the collections module builds its type.
    Value collections = import_module(rt().intern("collections"));
    if (collections.is_null()) return Value();
    Value nt = getattr(collections, rt().intern("namedtuple"));
    if (nt.is_null()) return Value();
    Value nt_args[2] = {str_value("sys.version_info"), str_value("major minor micro releaselevel serial")};
    Value vi_type = call(nt, nt_args, 2);
    if (vi_type.is_null()) return Value();
    Value vi_args[5] = {Value::integer(3), Value::integer(11), Value::integer(7), str_value("final"), Value::integer(0)};
    Value vi = call(vi_type, vi_args, 5);
    if (vi.is_null()) return Value();
    dict_set_str(m->dict, "version_info", vi);
    return mv;
}

}  // namespace corolab::lang
