// UTF-8 checks used by every input format: validity, repair, and telling text from binary data.
//
//   size_t bad = ingest::FindInvalidUtf8(text);           // std::string_view::npos when valid
//   if (bad != std::string_view::npos) text = ingest::RepairUtf8(text);   // U+FFFD for bad bytes
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dragoman::ingest {

// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlongs, surrogates
// and code points past U+10FFFF are ill-formed too); npos when the whole string is valid.
size_t FindInvalidUtf8(std::string_view s);

// s with each ill-formed sequence replaced by U+FFFD (the "maximal subpart" practice of Unicode).
std::string RepairUtf8(std::string_view s);

// Why a sample of an input is binary data rather than text, or "" when it looks like text.
// Binary: a NUL byte, or more than 10% of the bytes control characters or ill-formed UTF-8.
std::string BinaryReason(std::string_view sample);

// 1-based line number of byte offset pos in s (for messages).
size_t LineOfOffset(std::string_view s, size_t pos);

// Windows-1252 (a superset of ISO-8859-1 for printable text) to UTF-8, for pages that declare it.
std::string Windows1252ToUtf8(std::string_view s);

}  // namespace dragoman::ingest
