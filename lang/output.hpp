// Where print() writes: the Session installs a sink for the run.
#pragma once

#include <functional>
#include <string>

namespace corolab::lang {

// Receives text written by print (err: the error stream). Returns false when
// the output budget is exhausted (the sink has raised).
using OutputSink = std::function<bool(const std::string& text, bool err)>;
void set_output_sink(OutputSink sink);
bool write_output(const std::string& text, bool err);
// Installs `sink` and returns the one it replaces.
OutputSink swap_output_sink(OutputSink sink);

}  // namespace corolab::lang
