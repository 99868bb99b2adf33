// News date parsing: the date forms found in article bylines, feeds and page metadata, to ISO.
//
// Recognized (case-insensitive; weekday names, ordinal suffixes and times around them are ignored):
//   2022-05-20, 2022-05-20T08:30:00Z, 2022/05/20, 2022.05.20, 20220520 (whole value only)
//   May 20, 2022 / May 20 2022 / May 20th, 2022 / Sept. 20, 2022 / Friday, May 20, 2022
//   20 May 2022 / 20th of May, 2022 / 20-May-2022 / Fri, 20 May 2022 08:30:00 GMT (RFC 822)
//   20.05.2022 and 20-05-2022 (day first), 05/20/2022 (month first when ambiguous, as US sites
//   write it; 20/05/2022 is read day first since 20 cannot be a month)
// Years 1900-2099 only, and the day must exist in that month (no 2022-02-30).
//
//   auto iso = ingest::ParseNewsDate("Friday, May 20, 2022");   // "2022-05-20"
//   auto in_line = ingest::FindNewsDate("By Jane Doe | 20 May 2022");  // "2022-05-20"
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dragoman::ingest {

// The date that the whole value spells (leading/trailing words such as a weekday, a time or a
// time zone are allowed), as "YYYY-MM-DD"; nullopt when there is none.
std::optional<std::string> ParseNewsDate(std::string_view value);

// The first date found anywhere in a line of text (a byline such as "By Jane Doe | 20 May 2022").
std::optional<std::string> FindNewsDate(std::string_view line);

}  // namespace dragoman::ingest
