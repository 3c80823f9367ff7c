#include "lang/front/source.hpp"

#include <algorithm>

namespace corolab::lang {

namespace {
bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }
}  // namespace

Source::Source(std::string file_name, std::string text)
    : file_name_(std::move(file_name)), text_(std::move(text)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        // "\r\n", "\r" and "\n" all end a line, as in CPython's universal newlines.
        if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
        if (text_[i] == '\n' || text_[i] == '\r') line_starts_.push_back(i + 1);
    }
}

int Source::line_of(std::size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<int>(it - line_starts_.begin());
}

std::size_t Source::line_start(int line) const {
    if (line < 1) return 0;
    if (line > line_count()) return text_.size();
    return line_starts_[line - 1];
}

int Source::column_of(std::size_t offset) const {
    std::size_t start = line_start(line_of(offset));
    std::size_t from = start;
    int col = 1;
    if (column_cache_offset_ >= start && column_cache_offset_ <= offset) {
        from = column_cache_offset_;
        col = column_cache_;
    }
    for (std::size_t i = from; i < offset && i < text_.size(); ++i)
        if (!is_continuation_byte(static_cast<unsigned char>(text_[i]))) ++col;
    column_cache_offset_ = offset;
    column_cache_ = col;
    return col;
}

std::string_view Source::line_text(int line) const {
    if (line < 1 || line > line_count()) return {};
    std::size_t start = line_starts_[line - 1];
    std::size_t end = start;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
    return std::string_view(text_).substr(start, end - start);
}

SyntaxError::SyntaxError(std::string type_, std::string message_, const Source& src,
                         int line_, int column_, int end_line_, int end_column_)
    : std::runtime_error(message_),
      type(std::move(type_)),
      file(src.file_name()),
      line(line_),
      column(column_),
      end_line(end_line_),
      end_column(end_column_),
      message(std::move(message_)),
      line_text(src.line_text(line_)) {}

// Mirrors traceback.TracebackException._format_syntax_error (CPython 3.11).
std::string SyntaxError::format() const {
    std::string out = "  File \"" + file + "\", line " + std::to_string(line) + "\n";
    // Work in characters: columns count code points.
    std::size_t lead = 0;  // bytes of stripped leading whitespace
    int spaces = 0;        // characters stripped
    while (lead < line_text.size() && (line_text[lead] == ' ' || line_text[lead] == '\f')) {
        ++lead;
        ++spaces;
    }
    std::string_view ltext = std::string_view(line_text).substr(lead);
    out += "    ";
    out += ltext;
    out += "\n";
    if (column > 0) {
        int end = (end_column == 0 || end_column == -1 || end_column == column) ? column + 1 : end_column;
        int colno = column - 1 - spaces;
        int end_colno = end - 1 - spaces;
        if (colno >= 0) {
            out += "    ";
            int c = 0;
            for (std::size_t i = 0; i < ltext.size() && c < colno; ++i) {
                unsigned char ch = static_cast<unsigned char>(ltext[i]);
                if (is_continuation_byte(ch)) continue;
                out += (ch == '\t' || ch == '\v' || ch == '\f') ? static_cast<char>(ch) : ' ';
                ++c;
            }
            for (; c < colno; ++c) out += ' ';
            out.append(end_colno > colno ? static_cast<std::size_t>(end_colno - colno) : 0, '^');
            out += "\n";
        }
    }
    out += type + ": " + message + "\n";
    return out;
}

}  // namespace corolab::lang
