// Dates and times as Excel shows them: serial numbers of the 1900 date system under date
// codes, with the Japanese eras (和暦) of [$-411]ggge formats.
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "format_code.hpp"
#include "kpi/grid/number_format.hpp"

namespace kpi::grid {

namespace format_code {

namespace {

struct Civil {
  int year, month, day;
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil civil_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

// Excel counts 1900-02-29 (serial 60), a day that never was.
Civil civil_from_serial(long serial) {
  if (serial == 60) return {1900, 2, 29};
  long epoch = serial < 60 ? days_from_civil(1899, 12, 31) : days_from_civil(1899, 12, 30);
  return civil_from_days(epoch + serial);
}

struct Era {
  Civil start;
  const char* letter;      // g
  const char* short_name;  // gg
  const char* name;        // ggg
};

constexpr std::array<Era, 5> kEras{{
    {{2019, 5, 1}, "R", "令", "令和"},
    {{1989, 1, 8}, "H", "平", "平成"},
    {{1926, 12, 25}, "S", "昭", "昭和"},
    {{1912, 7, 30}, "T", "大", "大正"},
    {{1868, 1, 1}, "M", "明", "明治"},
}};

bool on_or_after(const Civil& a, const Civil& b) {
  if (a.year != b.year) return a.year > b.year;
  if (a.month != b.month) return a.month > b.month;
  return a.day >= b.day;
}

const Era& era_of(const Civil& date) {
  for (const auto& era : kEras)
    if (on_or_after(date, era.start)) return era;
  return kEras.back();
}

std::string padded(long n, std::size_t width) {
  std::string digits = std::to_string(n);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

constexpr std::array<const char*, 12> kMonths{"January",   "February", "March",    "April",
                                              "May",       "June",     "July",     "August",
                                              "September", "October",  "November", "December"};
constexpr std::array<const char*, 7> kWeekdays{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                               "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 7> kWeekdaysJa{"日", "月", "火", "水", "木", "金", "土"};

struct Moment {
  Civil date;
  long serial_day;
  int hour, minute, second;
  double serial;
};

// Whether an "m" code at tokens[i] means minutes: after an h code or before an s code.
bool is_minute(const std::vector<Token>& tokens, std::size_t i) {
  for (std::size_t k = i; k-- > 0;)
    if (tokens[k].kind == TokenKind::date) {
      char c = lower(tokens[k].text[0]);
      if (c == 'h' || (c == '[' && tokens[k].text.size() > 1 && lower(tokens[k].text[1]) == 'h'))
        return true;
      break;
    }
  for (std::size_t k = i + 1; k < tokens.size(); ++k)
    if (tokens[k].kind == TokenKind::date) return lower(tokens[k].text[0]) == 's';
  return false;
}

bool twelve_hour(const std::vector<Token>& tokens) {
  for (const auto& t : tokens)
    if (t.kind == TokenKind::date &&
        (lower(t.text[0]) == 'a' && t.text.find('/') != std::string::npos))
      return true;
  return false;
}

std::string weekday(long serial_day, std::size_t letters, bool japanese) {
  // Serial 1 (1900-01-01) was a Sunday in Excel's count.
  auto index = static_cast<std::size_t>(((serial_day % 7) + 6) % 7);
  if (japanese) return std::string(kWeekdaysJa[index]) + (letters >= 4 ? "曜日" : "");
  std::string name = kWeekdays[index];
  return letters >= 4 ? name : name.substr(0, 3);
}

std::string month_name(int month, std::size_t letters) {
  std::string name = kMonths[static_cast<std::size_t>(month - 1)];
  if (letters == 3) return name.substr(0, 3);
  if (letters >= 5) return name.substr(0, 1);
  return name;
}

std::string render_code(const std::vector<Token>& tokens, std::size_t i, const Moment& at,
                        bool hours12) {
  const std::string& code = tokens[i].text;
  std::size_t n = code.size();
  const Era& era = era_of(at.date);
  switch (lower(code[0])) {
    case 'y':
      return n <= 2 ? padded(at.date.year % 100, 2) : std::to_string(at.date.year);
    case 'm':
      if (n <= 2 && is_minute(tokens, i)) return padded(at.minute, n);
      return n <= 2 ? padded(at.date.month, n) : month_name(at.date.month, n);
    case 'd':
      return n <= 2 ? padded(at.date.day, n) : weekday(at.serial_day, n, false);
    case 'a':
      if (code.find('/') != std::string::npos) {
        bool am = at.hour < 12;
        return n == 5 ? (am ? "AM" : "PM") : (am ? "A" : "P");
      }
      return weekday(at.serial_day, n, true);
    case 'h': {
      int hour = hours12 ? (at.hour % 12 == 0 ? 12 : at.hour % 12) : at.hour;
      return padded(hour, n);
    }
    case 's':
      return padded(at.second, n);
    case 'g':
      return n == 1 ? era.letter : n == 2 ? era.short_name : era.name;
    case 'e':
      return padded(at.date.year - era.start.year + 1, n);
    case '[': {
      char unit = lower(code[1]);
      double total = at.serial * (unit == 'h' ? 24 : unit == 'm' ? 1440 : 86400);
      return padded(static_cast<long>(std::floor(total + 1e-9)), n - 2);
    }
    default:
      return code;
  }
}

}  // namespace

bool render_date(const std::vector<Token>& tokens, double serial, std::string& out) {
  if (!(serial >= 0 && serial < 2958466)) return false;
  long day = static_cast<long>(std::floor(serial));
  long seconds = std::lround((serial - static_cast<double>(day)) * 86400);
  if (seconds >= 86400) {
    ++day;
    seconds -= 86400;
  }
  Moment at{civil_from_serial(day),           day,
            static_cast<int>(seconds / 3600), static_cast<int>(seconds / 60 % 60),
            static_cast<int>(seconds % 60),   serial};
  bool hours12 = twelve_hour(tokens);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& token = tokens[i];
    if (token.kind == TokenKind::date)
      out += render_code(tokens, i, at, hours12);
    else if (token.kind == TokenKind::literal)
      out += token.text;
  }
  return true;
}

}  // namespace format_code

bool is_date_format(std::string_view number_format) {
  for (auto section : format_code::split_sections(number_format))
    if (format_code::has_date_token(format_code::tokenize(section))) return true;
  return false;
}

namespace {

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  auto [ptr, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return ec == std::errc() && ptr == s.data() + pos + len;
}

}  // namespace

std::string serial_from_iso_date(std::string_view iso) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-' || !read_int(iso, 0, 4, year) ||
      !read_int(iso, 5, 2, month) || !read_int(iso, 8, 2, day))
    return "";
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900) return "";
  if (iso.size() >= 16 && iso[10] == 'T' &&
      (!read_int(iso, 11, 2, hour) || iso[13] != ':' || !read_int(iso, 14, 2, minute)))
    return "";
  if (iso.size() >= 19 && iso[10] == 'T' && iso[16] == ':' && !read_int(iso, 17, 2, second))
    return "";
  long days = format_code::days_from_civil(year, month, day);
  long serial = days - format_code::days_from_civil(1899, 12, 30);
  if (serial < 61) serial = days - format_code::days_from_civil(1899, 12, 31);
  long seconds = hour * 3600L + minute * 60L + second;
  if (seconds == 0) return std::to_string(serial);
  double value = static_cast<double>(serial) + static_cast<double>(seconds) / 86400.0;
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return ec == std::errc() ? std::string(buffer, end) : std::to_string(serial);
}

}  // namespace kpi::grid
